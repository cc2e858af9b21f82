#!/usr/bin/env node
// Launcher for `npx nextup` and `npm start`: lets Node load the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
// Exit explicitly: a stray timer in a dependency must not keep a stopped hub alive.
process.exit(await main(process.argv.slice(2)));
