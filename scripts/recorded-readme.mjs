// Writes test/fixtures/recorded/README.md from the fixtures' own provenance, so the table and
// the files cannot drift (test/unit/contract/provenance.test.ts checks it).
//   node scripts/recorded-readme.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/recorded');
const rows = [];
for (const dir of ['classic', 'modernized']) {
  for (const file of readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const { source, request, response } = JSON.parse(readFileSync(path.join(root, dir, file), 'utf8'));
    const session = source.path.split('/').pop();
    const op = `${request.method} ${request.uri.split('?')[0].split('/').slice(-1)[0]}`;
    rows.push(`| \`${dir}/${file}\` | \`${session}\` | ${source.entry} | \`${source.commit.slice(0, 12)}\` | ${op} → ${response.status} |`);
  }
}
const text = `# Recorded live-vault traffic

Request/response pairs that Azure PowerShell's Site Recovery tests recorded against live vaults
(repository \`Azure/azure-powershell\`, folder
\`src/RecoveryServices/RecoveryServices.SiteRecovery.Test/SessionRecords/\`: suites
\`RecoveryServices.SiteRecovery.Test.AsrV2ATests\` (classic) and
\`RecoveryServices.SiteRecovery.Test.AsrV2ARCMTests\` (modernized)). Each file holds one entry of a
session record: \`source\` (repository, path, commit, entry = 0-based index in \`Entries\`),
\`request\` (method, URI, body) and \`response\` (status, the LRO headers, body). Bodies are the
recorded ones, decoded from their JSON strings and otherwise unchanged (a recorded \`0.0\` reads
back as \`0\`). Only the entries the tests use were kept: vault GETs and repeated job polls were
left out. The table is written by \`node scripts/recorded-readme.mjs\`; a unit test checks it.

| file | session record | entry | commit | request |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
writeFileSync(path.join(root, 'README.md'), text);
console.log(`${rows.length} fixtures listed`);
