// Compile errors as places in the source, so an editor can mark them where they are. The text
// stays exactly what `go build` prints; only its `file:line:col:` prefix is read.
import { BUILD_HEADING } from '../build/build.ts';

export interface Diagnostic {
  /** 1-based; 0 when the message names no place. */
  line: number;
  /** 1-based column in bytes, as Go counts it; 0 when unknown. */
  col: number;
  message: string;
}

const located = /^(?:\.\/)?[^:\s]+\.go:(\d+)(?::(\d+))?: (.*)$/;

/** The diagnostics in `go build`'s output for one file (its `# command-line-arguments` header dropped). */
export function parseDiagnostics(buildOutput: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const raw of buildOutput.split('\n')) {
    if (raw === '' || raw === BUILD_HEADING) continue;
    const m = located.exec(raw);
    if (m) out.push({ line: Number(m[1]), col: m[2] === undefined ? 0 : Number(m[2]), message: m[3]! });
    else if (raw.startsWith('\t') && out.length > 0) out[out.length - 1]!.message += '\n' + raw.slice(1);
    else out.push({ line: 0, col: 0, message: raw });
  }
  return out;
}
