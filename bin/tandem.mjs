#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx tandem …` and `npm start` need no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
