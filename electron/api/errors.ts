// An error whose message is written for the learner (and the HTTP status that fits it).
// Anything else that escapes the backend is a bug and is reported as such.
export class ApiFailure extends Error {
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
  }
}
