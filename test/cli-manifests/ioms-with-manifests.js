#!/usr/bin/env node
// The `ioms` command with the manifest commands registered, for end-to-end tests while
// cli/main.ts does not register them yet; once it does, this adds nothing.
import { fileURLToPath, URL } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./with-manifest-commands.ts');
