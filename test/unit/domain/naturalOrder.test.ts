import assert from 'node:assert/strict';
import { compareNames } from '../../../src/domain/naturalOrder';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const sign = (n: number) => Math.sign(n);

/** A deterministic pseudo-random source: the same names on every run. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('compareNames (VM names in natural order)', () => {
  it('orders numbers by value, whatever their width, and ignores case', () => {
    const names = ['vm-10', 'VM-9', 'vm-010', 'vm-2', 'app-01', 'App-1', 'vm-0100', 'vm-99', 'vm-9a', 'vm-9-1', 'vm-'];
    assert.deepEqual([...names].sort(compareNames), [...names].sort(collator.compare));
    assert.ok(compareNames('vm-2', 'vm-10') < 0 && compareNames('vm-00009', 'vm-00010') < 0);
    assert.equal(compareNames('Web-01', 'web-01'), 0);
  });

  it('agrees with the numeric collator on every pair of generated names', () => {
    // Names from an alphabet that stresses the digit runs: shared prefixes, leading zeros,
    // runs of different widths, case, punctuation, letters beyond ASCII and other digits.
    const next = random(42);
    const alphabet = ['0', '1', '2', '9', '00', '10', 'a', 'B', 'é', '-', '_', '.', ' ', '٣', 'vm-', 'VM-'];
    const name = () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const names = Array.from({ length: 600 }, name);
    let disagreements = 0;
    for (const a of names) for (const b of names) if (sign(compareNames(a, b)) !== sign(collator.compare(a, b))) disagreements++;
    assert.equal(disagreements, 0);
  });

  it('sorts a numbered fleet as the collator does', () => {
    const fleet = Array.from({ length: 3000 }, (_, i) => `${['sql', 'web', 'App'][i % 3]}-vm-${String((i * 7919) % 3000).padStart(i % 2 ? 4 : 5, '0')}`);
    assert.deepEqual([...fleet].sort(compareNames), [...fleet].sort(collator.compare));
  });
});
