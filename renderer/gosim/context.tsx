// One gosim worker for the whole page, shared by every screen that runs Go, and the cache of
// explorations: a drill's outcomes are computed once per program text, so revealing it again
// (or the next time it comes up in the same session) is instant.
import { createContext, useContext } from 'react';
import type { GosimClient } from './client.ts';
import type { ExploreResult } from './protocol.ts';

export const GosimContext = createContext<GosimClient | null>(null);

export function useGosim(): GosimClient {
  const client = useContext(GosimContext);
  if (!client) throw new Error('useGosim needs a GosimContext.Provider around the app');
  return client;
}

/** Explorations by program text, the most recent kept first; small, as drills are. */
export class ExploreCache {
  private readonly entries = new Map<string, ExploreResult>();
  constructor(private readonly limit = 64) {}

  get(source: string): ExploreResult | undefined {
    const hit = this.entries.get(source);
    if (hit) {
      this.entries.delete(source);
      this.entries.set(source, hit);
    }
    return hit;
  }

  set(source: string, result: ExploreResult): void {
    this.entries.delete(source);
    this.entries.set(source, result);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }
}

export const exploreCache = new ExploreCache();

/** The outcomes of a drill's program, from the cache or from a new exploration in the worker. */
export async function exploreOnce(client: GosimClient, source: string): Promise<ExploreResult> {
  const hit = exploreCache.get(source);
  if (hit) return hit;
  const result = await client.submit({ type: 'explore', source });
  exploreCache.set(source, result);
  return result;
}
