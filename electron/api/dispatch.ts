// The one place a call from outside meets the backend: both hosts hand it the method name and
// the raw arguments, it checks them against the contract and returns a body to send back.
// It is also the one place that knows HTTP: the domain refuses with its own errors
// (electron/errors.ts) and `statusOf` gives each kind its status code.
import { argSchemas, methodNames, type Api, type ApiEnvelope, type ApiErrorBody, type MethodName } from '../../api/contract.ts';
import { BadInput, DomainError, type DomainErrorKind } from '../errors.ts';

/** What a call comes back as, on both hosts: the web host sends it as HTTP, IPC returns it as data. */
export type Dispatched = ApiEnvelope;

const statusOf: Record<DomainErrorKind, number> = {
  'bad-input': 400,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unusable: 422,
  unavailable: 503,
};

export function isMethodName(name: string): name is MethodName {
  return (methodNames as string[]).includes(name);
}

function fail(status: number, method: string, message: string, issues?: { path: string; message: string }[]): Dispatched {
  return { status, body: { error: { method, message, ...(issues ? { issues } : {}) } } };
}

export async function dispatch(api: Api, method: string, rawArgs: unknown, log: (msg: string) => void = () => {}): Promise<Dispatched> {
  if (!isMethodName(method)) return fail(404, method, `There is no API method "${method}".`);
  const parsed = argSchemas[method].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const where = i.path.length ? i.path.map(String).join('.') : '(arguments)';
      const what = i.code === 'unrecognized_keys' ? `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}` : i.message;
      return { path: where, message: what };
    });
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return fail(400, method, `Invalid arguments for ${method}: ${summary}`, issues);
  }
  try {
    // The schema for `method` produced these arguments, so they fit that method's signature.
    const call = api[method] as (args: unknown) => Promise<unknown>;
    const result = await call.call(api, parsed.data);
    return { status: 200, body: { result } };
  } catch (err) {
    return failure(method, err, log);
  }
}

/** The envelope for an error thrown while serving `method`: a domain refusal, or a bug (500, logged). */
export function failure(method: string, err: unknown, log: (msg: string) => void = () => {}): Dispatched {
  if (err instanceof DomainError) {
    const issues = err instanceof BadInput ? [{ path: err.place, message: err.message }] : undefined;
    return fail(statusOf[err.kind], method, err.message, issues);
  }
  log(`${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return fail(500, method, `${method} failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`);
}
