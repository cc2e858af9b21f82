#!/usr/bin/env node
// Launcher for `npx nextup` and `npm start`: lets Node load the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./cli.ts');
// Exit explicitly: a stray timer in a dependency must not keep a stopped hub alive. `run`
// resolves only once the output drained into its pipe or file, so nothing is cut off.
process.exit(await run(process.argv.slice(2)));
