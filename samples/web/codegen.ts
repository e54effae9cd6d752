import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

// The hash of each document is the plain lowercase SHA-256 hex of the exact text written to
// persisted-documents.json. That is what Apollo's persisted-query protocol sends as sha256Hash, and what
// the CMS's trusted-documents manifest (GraphQL:TrustedDocuments:ManifestPath) expects as keys.
// (The preset's built-in 'sha256' option would prefix each key with "sha256:".)
const sha256Hex = (document: string): string => createHash('sha256').update(document, 'utf8').digest('hex');

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/graphql/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          mode: 'embedHashInDocument',
          hashPropertyName: 'hash',
          hashAlgorithm: sha256Hex,
        },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          Long: 'number',
          Upload: 'File',
        },
      },
    },
  },
};

export default config;
