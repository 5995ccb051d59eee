#!/usr/bin/env node
// The jaga-netral command. Runs the TypeScript sources through tsx (a dependency of a checkout).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
