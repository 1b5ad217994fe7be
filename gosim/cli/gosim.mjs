#!/usr/bin/env node
// The gosim command. It loads the TypeScript CLI through tsx so nothing has to be built first.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
