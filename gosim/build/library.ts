// gosim's importer: the standard-library packages it provides, each checked from its Go
// declarations in lib/decls.ts the first time a program imports it, then kept for every later
// program (the declarations never change while gosim runs). The type checker only sees the
// Importer interface; this is the one place that knows packages come from lib/.
import { libraryDecls, declsFilename } from '../lib/decls.ts';
import { parseFile } from '../syntax/parser.ts';
import { Checker, type Importer, type Package } from '../types/check.ts';
import { checkPackage, completePackage, resolveObject } from '../types/decl.ts';
import type { Type } from '../types/types.ts';

class LibraryImporter implements Importer {
  private readonly cache = new Map<string, Package | null>();
  private readonly loading = new Set<string>();

  /** The checked declarations of a library package, or null if gosim does not provide it. */
  importPackage(path: string): Package | null {
    if (this.cache.has(path)) return this.cache.get(path)!;
    const src = libraryDecls[path];
    if (src === undefined || this.loading.has(path)) return null;
    this.loading.add(path);
    try {
      const filename = declsFilename(path);
      const { file, errors } = parseFile(src, filename);
      const c = new Checker(path, filename, 0, this);
      // The checker's own list: errors in declarations checked later still show up in it.
      c.errors.push(...errors);
      const pkg: Package = {
        path, name: file.packageName.name, scope: c.pkgScope, info: c.info, errors: c.errors,
        lookup: (name) => {
          const obj = c.pkgScope.names.get(name);
          if (obj !== undefined && errors.length === 0) resolveObject(c, obj);
          return obj;
        },
        complete: () => { if (errors.length === 0) completePackage(c); },
      };
      if (errors.length === 0) checkPackage(c, file, { library: true });
      this.cache.set(path, pkg);
      return pkg;
    } finally {
      this.loading.delete(path);
    }
  }
}

/** The one library importer: its packages are shared by every program gosim builds. */
export const library: Importer = new LibraryImporter();

/** Every library package's declaration errors; empty when lib/decls.ts is consistent. */
export function libraryErrors(): string[] {
  const out: string[] = [];
  for (const path of Object.keys(libraryDecls)) {
    const p = library.importPackage(path);
    if (!p) { out.push(`${path}: failed to load`); continue; }
    p.complete();
    for (const e of p.errors) out.push(`${declsFilename(path)}:${e.pos.line}:${e.pos.col}: ${e.message}`);
  }
  return out;
}

/** A named type of a library package, e.g. 'time.Duration', or null if there is none. */
export function lookupLibraryType(qualified: string): Type | null {
  const i = qualified.lastIndexOf('.');
  const obj = library.importPackage(qualified.slice(0, i))?.lookup(qualified.slice(i + 1));
  return obj && obj.tag === 'TypeName' ? obj.type : null;
}
