#!/usr/bin/env node
// The `ioms` command. The CLI is TypeScript run through tsx's loader, so a checkout works
// without a build step; `npm run build:agent` bundles the agent alone for hosts.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (decorators) applies wherever the command is run from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../cli/main.ts');
