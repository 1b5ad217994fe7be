// What the domain (store, scheduler, decks, import and export, the backend) says when it refuses
// a request: the kind of refusal and a message written for the learner. It knows nothing of HTTP;
// the API edge (electron/api/dispatch.ts) alone turns each kind into a status code.
// Anything else that escapes the domain is a bug and is reported as such.

export type DomainErrorKind = 'not-found' | 'conflict' | 'bad-input' | 'too-large' | 'unusable' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing asked for (a card, a deck, a backup, an import) does not exist. */
export class NotFound extends DomainError {
  readonly kind = 'not-found';
}

/** The request is well formed, but the present state does not allow it. */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** An argument the schema let through is still wrong; `place` names it (e.g. "dir"). */
export class BadInput extends DomainError {
  readonly kind = 'bad-input';
  constructor(
    readonly place: string,
    message: string,
  ) {
    super(message);
  }
}

/** A file is bigger than the app takes. */
export class TooLarge extends DomainError {
  readonly kind = 'too-large';
}

/** A file was read but its content cannot be used. */
export class Unusable extends DomainError {
  readonly kind = 'unusable';
}

/** The part of the app the request needs (the progress database) is not there to serve it. */
export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
}
