import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the dashboard from the server's committed schema. `npm run codegen`
 * rewrites web/src/gql/; test/web/codegen.test.ts fails when that is stale.
 */
const config: CodegenConfig = {
  schema: 'api/schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', JSON: 'unknown' } },
    },
  },
};

export default config;
