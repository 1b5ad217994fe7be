// The web host's file routes: an upload starts an import (with its own, larger cap and a clear
// 413), downloads carry exports, and /media/ serves only the images imports kept.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maxUploadBytes, startWebHost } from '../../../electron/web/server.ts';
import { cleanTemp, fixtures } from '../helpers.ts';
import { buildApkg, tinyPng } from './ankiPackage.ts';
import { freshBackend } from './importing.ts';

afterAll(cleanTemp);

async function launch() {
  const { backend, dataDir } = freshBackend();
  const host = await startWebHost({
    api: backend,
    staticDir: path.join(fixtures, 'page'),
    log: () => {},
    transfer: { stage: (n, b) => backend.transfer.stage(n, b), exportFile: (w, d) => backend.transfer.exportFile(w, d), mediaDir: path.join(dataDir, 'media') },
  });
  const base = `http://127.0.0.1:${host.port}`;
  const api = async (method: string, args: unknown) => {
    const r = await fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'x-app-token': host.token, 'content-type': 'application/json' }, body: JSON.stringify(args) });
    return (await r.json()) as { result?: any; error?: { message: string } };
  };
  return { backend, host, base, api, stop: async () => { await host.close(); backend.close(); } };
}

describe('web host import and export routes', () => {
  it('takes an upload, previews it, imports it, and serves its image', async () => {
    const w = await launch();
    const bytes = await buildApkg({ format: 'modern', notes: [{ id: 1, guid: 'g', type: 'basic', deck: 'Pics', fields: ['<img src="a.png">', 'b'] }], media: [{ name: 'a.png', bytes: tinyPng }] });
    const up = await fetch(`${w.base}/upload/import?name=pics.apkg`, { method: 'POST', headers: { 'x-app-token': w.host.token }, body: new Blob([Buffer.from(bytes)]) });
    expect(up.status).toBe(200);
    const { result } = (await up.json()) as { result: { importId: string } };
    let status;
    do status = (await w.api('importStatus', result)).result; while (status.state === 'reading');
    expect(status.state).toBe('ready');
    await w.api('importCommit', result);
    const stored = (await w.api('nextCard', { deckId: 'anki:pics' })).result.card.front as string;
    const src = /src="(media\/[^"]+)"/.exec(stored)![1];
    const img = await fetch(`${w.base}/${src}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(Buffer.from(await img.arrayBuffer())).toEqual(Buffer.from(tinyPng));
    // Nothing else in the data folder can be reached through /media/.
    for (const bad of ['/media/progress.db', '/media/..%2Fprogress.db', '/media/../progress.db', `/media/${'0'.repeat(32)}.png`]) {
      expect((await fetch(`${w.base}${bad}`)).status).toBe(404);
    }
    await w.stop();
  });

  it('refuses an upload without the token, and one over the upload cap with a clear 413', async () => {
    const w = await launch();
    expect((await fetch(`${w.base}/upload/import?name=x.csv`, { method: 'POST', body: 'a,b' })).status).toBe(401);
    const big = await fetch(`${w.base}/upload/import?name=huge.apkg`, {
      method: 'POST',
      headers: { 'x-app-token': w.host.token, 'content-length': String(maxUploadBytes + 1) },
      body: new Blob([Buffer.alloc(maxUploadBytes + 1)]),
    }).catch((e: Error) => e);
    if (big instanceof Error) throw big;
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/^huge\.apkg is larger than 256 MB, the most an import can upload/);
    // An API call keeps its own, smaller cap.
    expect(maxUploadBytes).toBeGreaterThan(1024 * 1024);
    await w.stop();
  });

  it('downloads exports with the token only', async () => {
    const w = await launch();
    expect((await fetch(`${w.base}/download/progress`, { method: 'POST' })).status).toBe(401);
    const r = await fetch(`${w.base}/download/reviewsCsv`, { method: 'POST', headers: { 'x-app-token': w.host.token } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="review-log-\d{4}-\d\d-\d\d\.csv"$/);
    expect(await r.text()).toBe('card_id,review_time,review_rating,review_state,review_duration\n');
    const missing = await fetch(`${w.base}/download/deck?deckId=nope`, { method: 'POST', headers: { 'x-app-token': w.host.token } });
    expect(missing.status).toBe(404);
    expect((await fetch(`${w.base}/download/everything`, { method: 'POST', headers: { 'x-app-token': w.host.token } })).status).toBe(404);
    await w.stop();
  });
});
