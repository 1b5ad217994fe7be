// Worker entry for `gosim run`: loads the TypeScript worker through tsx, as gosim.mjs does.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
