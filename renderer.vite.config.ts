// How the renderer (renderer/) is built. It lives outside renderer/ because it runs in Node,
// and nothing under renderer/ may. The renderer is built to plain files that work under the app's strict CSP: no inline script or
// style, nothing fetched from elsewhere, relative URLs so both the Electron scheme and the web
// host can serve it from any path.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = fileURLToPath(new URL('./renderer/', import.meta.url));

export default defineConfig(({ command }) => {
  // A build is always production React and JSX, even when started from a test runner that
  // sets NODE_ENV=test (which would otherwise bundle React's development build).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: rendererDir,
    base: './',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
      emptyOutDir: true,
      // An inlined asset would be a data: URL; keep every asset a file served by 'self'.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      target: 'chrome120',
      sourcemap: false,
      // The page is read from the local disk, never downloaded: the editor and React in one
      // chunk of about 750 kB cost nothing worth splitting for. gosim is a chunk of its own,
      // loaded by its Web Worker only.
      chunkSizeWarningLimit: 1000,
    },
  };
});
