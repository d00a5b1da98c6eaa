// Figures, the printed table and bench/results.json.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: number;
  /** Which side of the target passes. */
  better: 'lower' | 'higher';
  pass: boolean;
}

/** A line of context printed under the table (and kept in results.json). */
export interface Note {
  label: string;
  text: string;
}

export function figure(name: string, value: number, unit: string, target: number, better: Figure['better'] = 'lower'): Figure {
  const pass = Number.isFinite(value) && (better === 'lower' ? value <= target : value >= target);
  return { name, value, unit, target, better, pass };
}

/** A figure that could not be measured: reported as failing, with the reason in a note. */
export function missing(name: string, unit: string, target: number, better: Figure['better'] = 'lower'): Figure {
  return { name, value: Number.NaN, unit, target, better, pass: false };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2);
}

/** A Markdown table: readable in a terminal, pasteable into the README. */
export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    `\`${f.name}\``,
    `${formatNumber(f.value)} ${f.unit}`,
    `${f.better === 'lower' ? '≤' : '≥'} ${formatNumber(f.target)}`,
    f.pass ? 'PASS' : 'FAIL',
  ]);
  const head = ['figure', 'value', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
