#!/usr/bin/env node
// The `cers` command. Runs the TypeScript sources through tsx (docs/adr/0002-typescript-via-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
