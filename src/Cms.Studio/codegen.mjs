// graphql-codegen: types every operation of the studio against the server's schema.graphql (exported by
// `dotnet run --project src/Cms.Api -- schema export`) and writes the operations as trusted documents. The documents
// in the bundle keep only their hash (urql sends it as documentId); their text goes to dist/trusted-documents.json,
// which Cms.Api embeds and accepts by hash, also when a deployment runs only trusted documents.
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/** @type {import('@graphql-codegen/cli').CodegenConfig} */
export default {
  schema: '../../schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  silent: true,
  hooks: { afterOneFileWrite: ['node scripts/document-ids.mjs'] },
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashPropertyName: 'documentId', hashAlgorithm: 'sha256' },
      },
      // urql's document cache learns which queries a mutation touched from __typename; the server must send it, so
      // it is part of every trusted document rather than added by the client at run time.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        skipTypename: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          DateTime: { input: 'string', output: 'string' },
          Long: { input: 'number', output: 'number' },
          Upload: { input: 'File', output: 'never' },
        },
        strictScalars: true,
      },
    },
  },
};
