// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { takeToken } from '../../renderer/api.ts';

describe('the token in the page URL', () => {
  it('is taken from #token=..., kept for reloads, and removed from the address bar', () => {
    window.history.replaceState(null, '', '/index.html?x=1#token=abc123');
    expect(takeToken(window)).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/index.html?x=1');
    // A reload has no hash any more; the token comes back from sessionStorage.
    expect(takeToken(window)).toBe('abc123');
  });
});
