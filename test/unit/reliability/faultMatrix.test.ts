import assert from 'node:assert/strict';
import { faultMatrix } from './matrix';
import { runScenario, type ScenarioResult } from './scenario';
import type { Generation } from './world';

/**
 * Every operation of the failback (failover, commit, reprotect) meets every fault at every
 * step, through the real SDK against the simulator, followed by the real JobTracker.
 */
describe('reliability: fault matrix (operation × fault × step)', function () {
  this.timeout(30_000);
  const { cells, skipped } = faultMatrix();
  const generations: Generation[] = ['classic', 'modernized'];
  const results: ScenarioResult[] = [];

  for (const generation of generations) {
    for (const cell of cells) {
      it(`${generation} ${cell.operation} × ${cell.fault} @ ${cell.step} → ${cell.expected}`, async () => {
        const r = await runScenario(generation, cell);
        results.push(r);
        assert.deepEqual(r.problems, []);
        assert.equal(r.duplicates, 0, 'no destructive POST sent twice');
        assert.equal(r.jobsLost, 0, 'every started job tracked to its end, reported once');
        assert.ok(r.passed);
      });
    }
  }

  it('summary: no duplicate POST, no lost job', () => {
    const run = results.length;
    const passed = results.filter((r) => r.passed).length;
    const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
    const lost = results.reduce((n, r) => n + r.jobsLost, 0);
    console.log(`      (${cells.length} cells × ${generations.length} generations; not applicable: ${skipped.map((s) => `${s.fault}@${s.step}`).join(', ')})`);
    console.log(`reliability: scenarios run ${run}, passed ${passed}, POST duplicates ${duplicates}, jobs lost ${lost}`);
    assert.equal(run, cells.length * generations.length, 'every scenario ran');
    assert.equal(duplicates, 0);
    assert.equal(lost, 0);
    assert.equal(passed, run);
  });
});
