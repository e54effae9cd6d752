// Run by graphql-codegen after it writes a file. The client preset keeps a trusted document's hash under `__meta__`
// and, in the replaceDocumentWithHash mode, leaves no definitions; urql sends a document as `documentId` (and keys its
// cache by it) when the DocumentNode itself carries `documentId`. This lifts the hash to where urql reads it, so the
// bundle holds no operation text and every request names its trusted document.
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2).filter((path) => path.endsWith('graphql.ts'))) {
  const source = readFileSync(file, 'utf8');
  let lifted = 0;
  const output = source.replace(/\{"__meta__":\{"documentId":"(sha256:[0-9a-f]{64})"\}\}/g, (_, id) => {
    lifted++;
    return `{"kind":"Document","definitions":[],"documentId":"${id}"}`;
  });
  if (lifted === 0) {
    throw new Error(`${file}: no documents with a documentId; has graphql-codegen's output changed?`);
  }
  writeFileSync(file, output);
}
