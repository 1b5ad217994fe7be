// Placeholder entry until the CLI lands; replaced by the gosim work.
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`gosim: not built yet (${argv.join(' ')})\n`);
  return 2;
}
