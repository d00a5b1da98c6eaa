// Child process: how long `require('dist/extension.js')` and `activate()` take, with the view
// hidden (nothing expanded, no command run). Prints one JSON line.
'use strict';
const { performance } = require('node:perf_hooks');
const Module = require('node:module');
const path = require('node:path');

const fake = path.join(__dirname, 'fakeVscode.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? fake : resolve.call(this, request, ...rest);
};
require(fake); // the fake's own load is not the extension's cost

// Node built-ins the bundle asks for: the Azure SDK's transport needs http/https/zlib, so seeing
// them means the SDK was evaluated.
const builtins = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  if (Module.isBuiltin(request)) builtins.add(request.replace(/^node:/, ''));
  return load.call(this, request, ...rest);
};

const bundle = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'extension.js'));
const t0 = performance.now();
const ext = require(bundle);
const t1 = performance.now();

const memento = () => {
  const data = new Map();
  return { get: (k, d) => (data.has(k) ? data.get(k) : d), update: async (k, v) => void data.set(k, v), keys: () => [...data.keys()], setKeysForSync: () => undefined };
};
const context = {
  subscriptions: [],
  globalState: memento(),
  workspaceState: memento(),
  secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
  extensionUri: { fsPath: path.dirname(path.dirname(bundle)), toString: () => `file://${path.dirname(path.dirname(bundle))}` },
  extensionPath: path.dirname(path.dirname(bundle)),
  asAbsolutePath: (p) => path.join(path.dirname(path.dirname(bundle)), p),
  storageUri: undefined,
  globalStorageUri: { fsPath: '/tmp' },
  logUri: { fsPath: '/tmp' },
  extensionMode: 1,
  extension: { id: 'site-recovery-tools.vscode-site-recovery', packageJSON: {} },
  environmentVariableCollection: {},
};
const t2 = performance.now();
ext.activate(context);
const t3 = performance.now();

setImmediate(() => {
  const sdkLoaded = ['http', 'https', 'zlib'].some((m) => builtins.has(m));
  for (const d of context.subscriptions) d?.dispose?.();
  process.stdout.write(`${JSON.stringify({ requireMs: t1 - t0, activateMs: t3 - t2, sdkLoaded, builtins: [...builtins].sort() })}\n`);
  process.exit(0);
});
