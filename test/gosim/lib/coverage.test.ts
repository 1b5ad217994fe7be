// Every function, method and variable that decls.ts declares for the library helper's packages
// has a native under the key the compiler looks up ('pkg.Func', 'pkg.Type.Method', 'pkg.Var').
import { describe, expect, it } from 'vitest';
import { libraryDecls } from '../../../gosim/lib/decls.ts';
import { packages } from '../../../gosim/lib/registry.ts';

const paths = ['fmt', 'strings', 'strconv', 'sort', 'slices', 'maps', 'math', 'math/rand', 'unicode/utf8', 'unicode', 'cmp', 'bytes'];

describe('library natives cover decls.ts', () => {
  for (const path of paths) {
    it(path, () => {
      const src = libraryDecls[path];
      expect(src).toBeDefined();
      const name = path.slice(path.lastIndexOf('/') + 1);
      const natives = packages.get(path)?.natives ?? {};
      const missing: string[] = [];
      for (const m of src.matchAll(/^func (?:\((?:\w+ )?\*?(\w+)\) )?(\w+)[[(]/gm)) {
        const key = m[1] ? `${name}.${m[1]}.${m[2]}` : `${name}.${m[2]}`;
        if (!(key in natives)) missing.push(key);
      }
      for (const m of src.matchAll(/^var (\w+)/gm)) if (!(`${name}.${m[1]}` in natives)) missing.push(`${name}.${m[1]}`);
      expect(missing).toEqual([]);
    });
  }
});
