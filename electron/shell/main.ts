// The Electron main process. Bundled by scripts/build-electron.mjs into dist/electron/main.cjs.
// Locked down per Electron's security checklist: sandboxed, isolated renderer; pages only from
// app://; no navigation, windows, permissions or webviews; IPC only from our own page.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { methodNames } from '../../api/contract.ts';
import { dispatch, type Dispatched } from '../api/dispatch.ts';
import { Backend } from '../backend.ts';
import { defaultDataDir, parseHostArgs } from '../dataDir.ts';
import { formatProblem } from '../decks/format.ts';
import { appIndexUrl, appScheme, contentType as contentTypeOf, mediaFileFor } from '../security.ts';
import { useNativeBinding } from '../store/sqlite.ts';
import { channelOf } from './bridge.ts';
import { appFileFor, contentSecurityPolicy, externalLink, isAppPage, navigationAllowed, senderAllowed, userDataFor } from './policy.ts';

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// npm start hands over a better-sqlite3 build for Electron's ABI, kept apart from the Node build
// in node_modules; a packaged app has its own rebuilt copy and passes nothing.
useNativeBinding(process.env.TRAINER_SQLITE_BINDING || undefined);

const opts = parseHostArgs(process.argv.slice(1), false);
const dataDir = opts.dataDir ?? defaultDataDir();
app.setPath('userData', userDataFor(dataDir));

// One window per data folder: a second launch focuses the first instead of opening the same
// database twice.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
let backend: Backend | null = null;

/**
 * A link in a card opens in the system browser, once the URL passes the policy and the learner
 * has seen where it goes; the app's own window never leaves its page.
 */
function openLink(contents: Electron.WebContents, url: string): void {
  const target = externalLink(url);
  if (!target || !isAppPage(contents.getURL())) return;
  const win = BrowserWindow.fromWebContents(contents);
  const ask = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: 'Open this link in your browser?',
    detail: target,
  };
  void (win ? dialog.showMessageBox(win, ask) : dialog.showMessageBox(ask)).then(({ response }) => {
    if (response === 0) return shell.openExternal(target);
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    openLink(contents, url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    openLink(contents, url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function ready(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  protocol.handle(appScheme, async (request) => {
    // Images kept by imports live in the data folder, not beside the page.
    const media = /^\/media\/([^/]+)$/.exec(new URL(request.url).pathname);
    if (media) {
      const file = mediaFileFor(path.join(dataDir, 'media'), media[1]!);
      if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
      return new Response(await fs.promises.readFile(file), {
        headers: { 'content-type': contentTypeOf(file), 'content-security-policy': "default-src 'none'", 'x-content-type-options': 'nosniff' },
      });
    }
    const found = appFileFor(request.url, rendererDir);
    if (!found || !fs.existsSync(found.file) || !fs.statSync(found.file).isFile()) {
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
    const data = await fs.promises.readFile(found.file);
    return new Response(data, {
      headers: {
        'content-type': found.type,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    });
  });

  backend = new Backend({
    dataDir,
    decksDir: opts.decksDir ?? path.join(appRoot, 'decks'),
    host: 'electron',
    version: app.getVersion(),
    onQuit: () => app.quit(),
    // The dialogs belong to the main process; the page only asks for them through the API,
    // whose every call is checked to come from the app's own page.
    chooseImportFile: async () => {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options: Electron.OpenDialogOptions = {
        title: 'Import',
        properties: ['openFile'],
        filters: [
          { name: 'Decks, Anki packages, text and progress files', extensions: ['apkg', 'colpkg', 'csv', 'tsv', 'txt', 'yaml', 'yml', 'gctprogress'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    chooseExportPath: async (defaultName) => {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options: Electron.SaveDialogOptions = { title: 'Export', defaultPath: path.join(app.getPath('documents'), defaultName) };
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return picked.canceled ? null : (picked.filePath ?? null);
    },
  });
  // A big deck folder loads in the background (the window opens meanwhile): its problems come when it is done.
  void backend.decksReady.then((load) => {
    for (const p of load.problems) console.error(`Deck problem: ${formatProblem(p)}`);
  });

  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, args: unknown): Promise<Dispatched> => {
      if (!senderAllowed(event.senderFrame?.url)) {
        return { status: 403, body: { error: { method, message: 'Refused: the caller is not the app page.' } } };
      }
      if (!backend) return { status: 503, body: { error: { method, message: 'The app is shutting down.' } } };
      return dispatch(backend, method, args, (m) => console.error(m));
    });
  }

  const win = new BrowserWindow({
    width: 1100,
    height: 800,
    title: 'Go Concurrency Trainer',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  await win.loadURL(appIndexUrl);
}

app.whenReady().then(ready, (err: unknown) => {
  console.error(err);
  app.exit(1);
});

app.on('window-all-closed', () => {
  backend?.close();
  backend = null;
  app.quit();
});
