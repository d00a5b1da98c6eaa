// Size of the packaged .vsix and of dist/. Uses `npm run package` (scripts/package.mjs) when the
// project has it; otherwise packs what ships — package.json, README, CHANGELOG, media/,
// dist/extension.js — with vsce in a staging folder.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PackageSizes {
  vsixBytes: number;
  distBytes: number;
  how: string;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function bytesUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? bytesUnder(p) : statSync(p).size);
  }, 0);
}

/** .vsix files under the repository (not node_modules) written since `since`. */
function newVsix(root: string, since: number): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth < 2) walk(p, depth + 1);
      else if (e.isFile() && e.name.endsWith('.vsix') && statSync(p).mtimeMs >= since) found.push(p);
    }
  };
  walk(root, 0);
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

export function packageSizes(root: string): PackageSizes {
  const distBytes = bytesUnder(path.join(root, 'dist'));
  if (existsSync(path.join(root, 'scripts', 'package.mjs'))) {
    const since = Date.now() - 1000;
    execFileSync(npm, ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const [vsix] = newVsix(root, since);
    if (!vsix) throw new Error('npm run package wrote no .vsix under the repository');
    return { vsixBytes: statSync(vsix).size, distBytes: bytesUnder(path.join(root, 'dist')), how: `npm run package → ${path.relative(root, vsix)}` };
  }
  const stage = mkdtempSync(path.join(os.tmpdir(), 'bench-vsix-'));
  try {
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media', 'dist/extension.js']) {
      if (existsSync(path.join(root, f))) cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
    }
    const out = path.join(stage, 'bench.vsix');
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--skip-license', '--baseContentUrl', 'https://example.invalid', '--baseImagesUrl', 'https://example.invalid', '-o', out],
      { cwd: stage, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { vsixBytes: statSync(out).size, distBytes, how: 'vsce package of package.json, README, CHANGELOG, media/ and dist/extension.js (no scripts/package.mjs yet)' };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
