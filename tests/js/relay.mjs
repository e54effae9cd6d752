// Compiles the Relay fragments in relay/src against a schema file with relay-compiler, in a temporary copy (the
// compiler writes artifacts), and prints { exitCode, output, artifacts } as JSON for the .NET test.
// Usage: node relay.mjs <schema.graphql>
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const schema = resolve(process.argv[2]);
const work = mkdtempSync(join(tmpdir(), 'cms-relay-'));
try {
  cpSync(join(here, 'relay', 'src'), join(work, 'src'), { recursive: true });
  cpSync(schema, join(work, 'schema.graphql'));
  mkdirSync(join(work, 'src', '__generated__'));
  writeFileSync(join(work, 'relay.config.json'), JSON.stringify({
    src: './src',
    schema: './schema.graphql',
    language: 'javascript',
    artifactDirectory: './src/__generated__',
  }));
  const compiler = join(here, 'node_modules', 'relay-compiler', 'cli.js');
  const run = spawnSync(process.execPath, [compiler], { cwd: work, encoding: 'utf8' });
  const generated = join(work, 'src', '__generated__');
  const artifacts = existsSync(generated) ? readdirSync(generated).sort() : [];
  process.stdout.write(JSON.stringify({ exitCode: run.status, output: `${run.stdout}${run.stderr}`, artifacts }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
