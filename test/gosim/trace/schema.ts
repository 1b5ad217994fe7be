// A small JSON Schema (draft 2020-12) checker for the keywords gosim/trace.schema.json uses:
// $ref to #/$defs, type, const, enum, properties, required, additionalProperties: false, items,
// oneOf, anyOf, minimum. It refuses a schema using any other keyword, so the schema cannot
// quietly grow past what the tests really check.
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', '$id', '$defs', 'title', 'description', '$ref', 'type', 'const', 'enum', 'properties',
  'required', 'additionalProperties', 'items', 'oneOf', 'anyOf', 'minimum']);

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'null': return v === null;
    case 'boolean': return typeof v === 'boolean';
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'array': return Array.isArray(v);
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    default: throw new Error(`schema: unknown type ${t}`);
  }
}

/** The errors of `value` against `root` (empty when it conforms), each with a JSON path. */
export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  const check = (s: Schema, v: unknown, path: string, out: string[]): void => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`schema: keyword ${k} at ${path} is not supported`);
    if (typeof s.$ref === 'string') {
      const name = s.$ref.replace(/^#\/\$defs\//, '');
      const d = defs[name];
      if (!d) throw new Error(`schema: no $defs entry ${s.$ref}`);
      check(d, v, path, out);
    }
    if (s.type !== undefined) {
      const ts = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!ts.some((t) => typeOk(t, v))) { out.push(`${path}: expected ${ts.join(' or ')}, got ${JSON.stringify(v)}`); return; }
    }
    if ('const' in s && v !== s.const) out.push(`${path}: expected ${JSON.stringify(s.const)}, got ${JSON.stringify(v)}`);
    if (Array.isArray(s.enum) && !s.enum.includes(v)) out.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(s.enum)}`);
    if (typeof s.minimum === 'number' && typeof v === 'number' && v < s.minimum) out.push(`${path}: ${v} < ${s.minimum}`);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const r of (s.required ?? []) as string[]) if (!(r in o)) out.push(`${path}: missing ${r}`);
      for (const [k, x] of Object.entries(o)) {
        if (props[k]) check(props[k], x, `${path}.${k}`, out);
        else if (s.additionalProperties === false) out.push(`${path}: unexpected field ${k}`);
      }
    }
    if (Array.isArray(v) && s.items) v.forEach((x, i) => check(s.items as Schema, x, `${path}[${i}]`, out));
    for (const key of ['oneOf', 'anyOf'] as const) {
      const alts = s[key] as Schema[] | undefined;
      if (!alts) continue;
      const results = alts.map((a) => { const e: string[] = []; check(a, v, path, e); return e; });
      const passing = results.filter((e) => e.length === 0).length;
      if (key === 'oneOf' ? passing !== 1 : passing === 0) {
        out.push(`${path}: matches ${passing} of the ${key} alternatives` + (passing === 0 ? ` (closest: ${results.sort((a, b) => a.length - b.length)[0]![0]})` : ''));
      }
    }
  };
  check(root, value, '$', errors);
  return errors;
}
