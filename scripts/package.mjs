// npm run package — builds the production bundle and packs the .vsix into the repository root.
//
//   1. removes dist/ and runs `npm run build` (minified bundle, no source maps)
//   2. `vsce package --no-dependencies`: dist/extension.js already bundles the dependencies
//   3. lists the files inside the .vsix and fails when anything is there besides
//      dist/, media/, README.md, CHANGELOG.md, LICENSE and package.json (see .vscodeignore)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);

// Inside the .vsix, the extension's files live under extension/; vsce adds the two manifests,
// lower-cases readme.md and changelog.md and renames LICENSE to LICENSE.txt.
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme\.md|changelog\.md|license(\.txt)?)$/i,
  /^extension\/dist\/.+$/,
  /^extension\/media\/.+$/,
];

function run(command, args) {
  console.log(`> ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`package: ${command} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

/** Names and uncompressed sizes from a zip's central directory (a .vsix is a zip). */
function listZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true }); // no stale source maps
run('npm', ['run', 'build']);
fs.rmSync(vsix, { force: true });
const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
// The repository URL is not a GitHub/GitLab one, so vsce cannot make README's relative image
// links absolute; left relative, they resolve inside the installed extension (media/ ships).
run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]);

const entries = listZip(vsix);
console.log(`\n${path.relative(process.cwd(), vsix) || vsix}: ${kb(fs.statSync(vsix).size)}, ${entries.length} files`);
for (const e of entries) console.log(`  ${e.name.padEnd(48)} ${kb(e.size).padStart(11)}`);
const unexpected = entries.filter((e) => !e.name.endsWith('/') && !ALLOWED.some((re) => re.test(e.name)));
const missing = ['extension/package.json', 'extension/dist/extension.js'].filter((n) => !entries.some((e) => e.name === n));
if (unexpected.length || missing.length) {
  for (const e of unexpected) console.error(`package: not allowed in the .vsix: ${e.name}`);
  for (const n of missing) console.error(`package: missing from the .vsix: ${n}`);
  console.error('package: fix .vscodeignore (allowed: dist/, media/, README.md, CHANGELOG.md, LICENSE, package.json)');
  process.exit(1);
}
console.log('package: contents ok');
