// Moving files in and out, which the two hosts do differently: Electron opens its own dialogs
// in the main process (through the API), the web host takes an upload and sends downloads.
// Either way an import ends as an import id whose preview comes through the API.
import type { Api, ExportKind } from '../api/contract.ts';
import { ApiError, refusalOf, tokenKey } from './api.ts';

/** The most the web host accepts in one upload (electron/web/server.ts's maxUploadBytes). */
export const maxUploadBytes = 256 * 1024 * 1024;

export interface FileTransfer {
  /** 'dialog': Electron's native dialogs; 'browser': an upload and downloads. */
  kind: 'dialog' | 'browser';
  /** Sends a chosen file to the web host; `onProgress` gets the fraction sent. */
  upload(file: File, onProgress: (fraction: number) => void): Promise<{ importId: string }>;
  /** Downloads (browser) or saves through the dialog (Electron); says where, or null if cancelled. */
  exportFile(what: ExportKind, deckId?: string): Promise<string | null>;
}

function token(): string {
  return sessionStorage.getItem(tokenKey) ?? '';
}

/** A file route's refusal (its status is never 200): the same error body as the API's, read the same way. */
function failure(what: string, status: number, body: string): ApiError {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: refusalOf reports a reply without an error body.
  }
  return refusalOf(what, status, parsed) ?? new ApiError(what, status, `The app answered ${what} with status ${status}.`);
}

export function fileTransfer(api: Api, inElectron: boolean): FileTransfer {
  if (inElectron) {
    return {
      kind: 'dialog',
      upload: () => Promise.reject(new ApiError('import', 0, 'The desktop app imports through its file dialog.')),
      exportFile: async (what, deckId) => (await api.exportSave({ what, ...(deckId ? { deckId } : {}) }))?.savedTo ?? null,
    };
  }
  return {
    kind: 'browser',
    upload: (file, onProgress) =>
      new Promise((resolve, reject) => {
        if (file.size > maxUploadBytes) {
          reject(new ApiError('import', 413, `${file.name} is larger than ${maxUploadBytes / 1048576} MB, the most an import can upload. Split it (export fewer decks from Anki) or import it in the desktop app.`));
          return;
        }
        // XMLHttpRequest rather than fetch: only it reports how much of an upload has been sent.
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/upload/import?name=${encodeURIComponent(file.name)}`);
        xhr.setRequestHeader('x-app-token', token());
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        xhr.onerror = () => reject(new ApiError('import', 0, "Cannot reach the app's local server. Is it still running?"));
        xhr.onload = () => {
          if (xhr.status !== 200) return reject(failure('import', xhr.status, xhr.responseText));
          try {
            resolve((JSON.parse(xhr.responseText) as { result: { importId: string } }).result);
          } catch {
            reject(failure('import', xhr.status, xhr.responseText));
          }
        };
        xhr.send(file);
      }),
    exportFile: async (what, deckId) => {
      const res = await fetch(`/download/${what}${deckId ? `?deckId=${encodeURIComponent(deckId)}` : ''}`, { method: 'POST', headers: { 'x-app-token': token() } });
      if (!res.ok) throw failure(what, res.status, await res.text());
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? what;
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return name;
    },
  };
}
