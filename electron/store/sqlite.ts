// Every connection the app opens goes through here, so the desktop app can load a
// better-sqlite3 build made for Electron's ABI (kept apart from the Node build that the tests
// and the web host use) through better-sqlite3's `nativeBinding` option.
import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/** The compiled addon to load instead of the one in node_modules (undefined: the default). */
export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}

/** The addon set by useNativeBinding, for a worker thread that opens its own connection. */
export function nativeBindingFile(): string | undefined {
  return nativeBinding;
}
