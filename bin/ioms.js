#!/usr/bin/env node
// The `ioms` command. The CLI is TypeScript run through tsx's loader, so a checkout works
// without a build step; `npm run build:agent` bundles the agent alone for hosts.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
