// A worker thread that parses deck files, so that YAML's slow parse of a big file never holds
// up the main thread, which answers the page's calls. One message in, one outcome out.
import { parentPort } from 'node:worker_threads';
import { parseDeck } from './format.ts';

parentPort?.on('message', (m: { id: number; text: string; label: string }) => {
  parentPort?.postMessage({ id: m.id, outcome: parseDeck(m.text, m.label) });
});
