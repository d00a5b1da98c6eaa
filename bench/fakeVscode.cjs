// A minimal stand-in for the `vscode` module, enough to load the bundle and run activate()
// outside VS Code. Anything not modelled here is a callable no-op proxy.
'use strict';

const noop = () => undefined;
const disposable = () => ({ dispose: noop });

/** Callable, constructible, any property: returns another such proxy (or a disposable). */
function anything(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'dispose') return noop;
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => `[fake ${name}]`;
      if (typeof prop === 'symbol') return undefined;
      return anything(`${name}.${prop}`);
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(e) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}

class TreeItem {
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}
class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}
class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}
class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(v) {
    this.value += v;
    return this;
  }
  appendText(v) {
    this.value += v;
    return this;
  }
}
class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  dispose() {
    this.fn?.();
  }
  static from(...items) {
    return new Disposable(() => items.forEach((i) => i.dispose?.()));
  }
}

const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: noop, update: async () => undefined };
const treeView = () => ({
  ...new EventEmitter(),
  onDidChangeVisibility: disposable,
  onDidChangeSelection: disposable,
  onDidExpandElement: disposable,
  onDidCollapseElement: disposable,
  visible: false,
  selection: [],
  reveal: async () => undefined,
  dispose: noop,
});
const outputChannel = (name) => ({
  name,
  append: noop,
  appendLine: noop,
  replace: noop,
  clear: noop,
  show: noop,
  hide: noop,
  dispose: noop,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  logLevel: 2,
  onDidChangeLogLevel: disposable,
});

const vscode = {
  version: '1.100.0',
  EventEmitter,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  Disposable,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  Uri: {
    parse: (s) => ({ toString: () => s }),
    file: (p) => ({ fsPath: p, toString: () => `file://${p}` }),
    from: (c) => ({ ...c, toString: () => `${c.scheme}:${c.path ?? ''}` }),
    joinPath: (b, ...p) => ({ toString: () => [String(b), ...p].join('/') }),
  },
  commands: { registerCommand: disposable, executeCommand: async () => undefined },
  window: {
    createTreeView: treeView,
    createOutputChannel: outputChannel,
    createStatusBarItem: () => ({ show: noop, hide: noop, dispose: noop }),
    registerTreeDataProvider: disposable,
    registerWebviewPanelSerializer: disposable,
    registerUriHandler: disposable,
    showInformationMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showErrorMessage: async () => undefined,
    setStatusBarMessage: disposable,
    withProgress: async (_o, task) => task({ report: noop }, { isCancellationRequested: false, onCancellationRequested: disposable }),
  },
  workspace: {
    getConfiguration: () => configuration,
    onDidChangeConfiguration: disposable,
    registerTextDocumentContentProvider: disposable,
    isTrusted: true,
  },
  authentication: { getSession: async () => undefined, onDidChangeSessions: disposable },
  env: { openExternal: async () => true, clipboard: { writeText: async () => undefined }, language: 'en', uriScheme: 'vscode' },
  languages: { setTextDocumentLanguage: async (d) => d },
};

/** Known members as modelled; unknown ones (and unknown members of namespaces) as no-op proxies. */
function withFallback(obj, name) {
  return new Proxy(obj, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (typeof prop === 'symbol' || prop === '__esModule' || prop === 'then') return undefined;
      return anything(`${name}.${String(prop)}`);
    },
  });
}

for (const ns of ['commands', 'window', 'workspace', 'authentication', 'env', 'languages']) vscode[ns] = withFallback(vscode[ns], `vscode.${ns}`);

module.exports = withFallback(vscode, 'vscode');
