// What the preload exposes as window.trainerApi, built from the contract's method list so a new
// method needs no change here. Kept free of Electron so it can be tested directly.
import { methodNames, type Api, type ApiErrorBody, type MethodName } from '../../api/contract.ts';
import type { Dispatched } from '../api/dispatch.ts';

export const channelPrefix = 'api:';

export function channelOf(method: MethodName): string {
  return channelPrefix + method;
}

/** The error the page sees; it crosses contextBridge as a plain Error, so the message says it all. */
export function errorMessage(body: ApiErrorBody): string {
  return body.error.message;
}

export function makeTrainerApi(invoke: (channel: string, args: unknown) => Promise<Dispatched>): Api {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) {
    api[method] = async (args: unknown) => {
      const out = await invoke(channelOf(method), args ?? {});
      if (out.status === 200 && 'result' in out.body) return out.body.result;
      throw new Error(errorMessage(out.body as ApiErrorBody));
    };
  }
  // Each entry was built from the method list the Api type is derived from.
  return api as unknown as Api;
}
