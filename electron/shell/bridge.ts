// What the preload exposes as window.trainerApi, built from the contract's method list so a new
// method needs no change here. Kept free of Electron so it can be tested directly.
import { methodNames, type ApiEnvelope, type MethodName, type WireApi } from '../../api/contract.ts';

export const channelPrefix = 'api:';

export function channelOf(method: MethodName): string {
  return channelPrefix + method;
}

/**
 * One function per method that hands back main's envelope as it came: an error stays data (status,
 * method, message, issues), since an Error thrown through IPC and contextBridge keeps only its text.
 */
export function makeTrainerApi(invoke: (channel: string, args: unknown) => Promise<ApiEnvelope>): WireApi {
  const api: Record<string, (args: unknown) => Promise<ApiEnvelope>> = {};
  for (const method of methodNames) api[method] = (args: unknown) => invoke(channelOf(method), args ?? {});
  // Each entry was built from the method list the WireApi type is derived from.
  return api as unknown as WireApi;
}
