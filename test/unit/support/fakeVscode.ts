// A small stand-in for the `vscode` module, so unit tests can run commands, notifications and
// services in plain Node. It models what our code touches; dialogs are answered by the test
// (`answer`) and recorded (`prompts`), settings changes fire onDidChangeConfiguration.
// Install it before loading any module that imports `vscode`: `const vscode = useFakeVscode();`
// then `require()` the module under test.
import Module from 'node:module';
import path from 'node:path';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/** A message box, quick pick or input box that our code showed. */
export interface Prompt {
  kind: 'information' | 'warning' | 'error' | 'quickPick' | 'inputBox';
  message: string;
  modal: boolean;
  /** Buttons of a message box, labels of a quick pick. */
  items: string[];
}

const noop = (): void => undefined;
const disposable = () => ({ dispose: noop });

class TreeItem {
  constructor(
    public label: string,
    public collapsibleState?: number,
  ) {}
}
class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}
class ThemeColor {
  constructor(readonly id: string) {}
}
class MarkdownString {
  isTrusted = false;
  constructor(public value = '') {}
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
  appendText(s: string): this {
    this.value += s;
    return this;
  }
}

function fakeLogChannel(lines: string[]) {
  const write = (line: string) => void lines.push(line);
  return {
    name: 'Site Recovery',
    info: write,
    warn: write,
    error: write,
    debug: write,
    trace: write,
    append: write,
    appendLine: write,
    show: noop,
    hide: noop,
    clear: noop,
    dispose: noop,
  };
}

function createFake() {
  const prompts: Prompt[] = [];
  const executed: Array<{ command: string; args: unknown[] }> = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const settings = new Map<string, unknown>();
  const sessions = new Map<string, { accessToken: string }>();
  const configChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const sessionsChanged = new EventEmitter<{ provider: { id: string } }>();
  const log: string[] = [];
  const state = {
    /** How the user answers a prompt: a button or item label, or undefined (dismissed). */
    answer: (_p: Prompt): string | undefined => undefined,
  };

  const record = (kind: Prompt['kind'], message: string, rest: unknown[]): string | undefined => {
    const options = rest[0] && typeof rest[0] === 'object' ? (rest[0] as { modal?: boolean }) : undefined;
    const items = (options ? rest.slice(1) : rest).map((i) => (typeof i === 'string' ? i : String((i as { title?: string }).title)));
    const prompt: Prompt = { kind, message, modal: !!options?.modal, items };
    prompts.push(prompt);
    return state.answer(prompt);
  };

  const setSetting = (key: string, value: unknown): void => {
    settings.set(key, value);
    configChanged.fire({ affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) });
  };

  const vscode = {
    EventEmitter,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1 },
    window: {
      showInformationMessage: async (message: string, ...rest: unknown[]) => record('information', message, rest),
      showWarningMessage: async (message: string, ...rest: unknown[]) => record('warning', message, rest),
      showErrorMessage: async (message: string, ...rest: unknown[]) => record('error', message, rest),
      showQuickPick: async (items: Array<{ label: string }>, options?: { title?: string }) => {
        const prompt: Prompt = { kind: 'quickPick', message: options?.title ?? '', modal: false, items: (await items).map((i) => i.label) };
        prompts.push(prompt);
        const chosen = state.answer(prompt);
        return (await items).find((i) => i.label === chosen);
      },
      showInputBox: async (options?: { title?: string }) => {
        const prompt: Prompt = { kind: 'inputBox', message: options?.title ?? '', modal: false, items: [] };
        prompts.push(prompt);
        return state.answer(prompt);
      },
      withProgress: async <R>(_options: unknown, task: (progress: { report: () => void }, token: unknown) => Promise<R>) =>
        task({ report: noop }, { isCancellationRequested: false, onCancellationRequested: disposable }),
      createOutputChannel: () => fakeLogChannel(log),
      createStatusBarItem: () => ({ show: noop, hide: noop, dispose: noop }),
      createTreeView: () => ({ selection: [], dispose: noop }),
      setStatusBarMessage: disposable,
    },
    commands: {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        handlers.set(id, handler);
        return { dispose: () => handlers.delete(id) };
      },
      executeCommand: async (command: string, ...args: unknown[]) => {
        executed.push({ command, args });
        return handlers.get(command)?.(...args);
      },
    },
    workspace: {
      getConfiguration: (section?: string) => ({
        get: <T>(key: string, fallback?: T): T | undefined => {
          const full = section ? `${section}.${key}` : key;
          return settings.has(full) ? (settings.get(full) as T) : fallback;
        },
        update: async (key: string, value: unknown) => setSetting(section ? `${section}.${key}` : key, value),
      }),
      onDidChangeConfiguration: configChanged.event,
      registerTextDocumentContentProvider: disposable,
    },
    authentication: {
      getSession: async (providerId: string) => sessions.get(providerId),
      onDidChangeSessions: sessionsChanged.event,
    },
  };

  /** Forgets everything a previous test set up or recorded. */
  const reset = (): void => {
    prompts.length = 0;
    executed.length = 0;
    log.length = 0;
    handlers.clear();
    settings.clear();
    sessions.clear();
    state.answer = () => undefined;
  };

  return { vscode, prompts, executed, log, sessions, state, setSetting, reset };
}

export type FakeVscode = ReturnType<typeof createFake>;

const FAKE_PATH = path.join(__dirname, '__fake_vscode__.js');
let installed: FakeVscode | undefined;

/** Makes `require('vscode')` return the fake (once per process); reset between tests. */
export function useFakeVscode(): FakeVscode {
  if (installed) return installed;
  const fake = createFake();
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? FAKE_PATH : resolve.call(this, request, ...rest);
  };
  loader._cache[FAKE_PATH] = { id: FAKE_PATH, filename: FAKE_PATH, loaded: true, exports: fake.vscode, children: [], paths: [] };
  installed = fake;
  return fake;
}
