// Checks what codegen wrote: every key of persisted-documents.json is the SHA-256 hex of its document text
// (what the CMS verifies when it loads the file as its trusted-documents manifest, and when a client registers
// a persisted query), and every hash embedded in the generated documents has its text in the manifest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const manifestPath = new URL('../src/generated/persisted-documents.json', import.meta.url);
const documentsPath = new URL('../src/generated/graphql.ts', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const problems = [];

for (const [hash, text] of Object.entries(manifest)) {
  const actual = createHash('sha256').update(text, 'utf8').digest('hex');
  if (actual !== hash) problems.push(`manifest key ${hash} is not the SHA-256 of its document (${actual})`);
}

const embedded = [...readFileSync(documentsPath, 'utf8').matchAll(/"__meta__":\{"hash":"([^"]+)"\}/g)].map((m) => m[1]);
if (embedded.length === 0) problems.push('no document in src/generated/graphql.ts carries a hash');
for (const hash of embedded) {
  if (!/^[0-9a-f]{64}$/.test(hash)) problems.push(`embedded hash ${hash} is not 64 lowercase hex digits`);
  if (!(hash in manifest)) problems.push(`embedded hash ${hash} has no document in the manifest`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`persisted documents: ${Object.keys(manifest).length} in the manifest, ${embedded.length} embedded, hashes verified`);
