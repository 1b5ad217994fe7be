// Kept as the stable import path for the rest of gosim; the parser itself lives in syntax/,
// split by concept so each part can be read against the Go toolchain code it mirrors.
export { parseFile } from './syntax/parser.ts';
export type { ParseResult } from './syntax/parser.ts';
