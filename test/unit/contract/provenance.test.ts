// Every recorded fixture says where it comes from, and the README lists it with that provenance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allRecorded } from './recorded';

describe('contract: recorded fixtures carry their provenance', () => {
  const readme = readFileSync(path.join(__dirname, '../../fixtures/recorded/README.md'), 'utf8');
  const all = allRecorded();

  it('at least 20 recorded payloads of live vaults', () => assert.ok(all.length >= 20, String(all.length)));

  for (const r of all) {
    it(r.file, () => {
      assert.equal(r.source.repository, 'Azure/azure-powershell');
      assert.match(
        r.source.path,
        /^src\/RecoveryServices\/RecoveryServices\.SiteRecovery\.Test\/SessionRecords\/RecoveryServices\.SiteRecovery\.Test\.AsrV2A(RCM)?Tests\/[^/]+\.json$/,
      );
      assert.match(r.source.commit, /^[0-9a-f]{40}$/);
      assert.ok(Number.isInteger(r.source.entry) && r.source.entry >= 0);
      assert.ok(r.file.includes(`.${String(r.source.entry).padStart(3, '0')}.`), 'the file name carries its entry');
      const row = readme.split('\n').find((l) => l.includes(`\`${r.file}\``));
      assert.ok(row, 'listed in README.md (node scripts/recorded-readme.mjs)');
      assert.ok(row.includes(`| ${r.source.entry} |`) && row.includes(r.source.commit.slice(0, 12)), row);
    });
  }
});
