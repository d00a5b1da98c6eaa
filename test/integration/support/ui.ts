// Test-side half of the UI bridge (driver side: test/integration/host/ui-bridge.mjs).
//
// Tests run in the extension host and cannot touch the browser. In the offline web host the
// driver serves an HTTP endpoint on 127.0.0.1 whose address arrives in SITE_RECOVERY_UI_BRIDGE;
// each call here asks the driver to do one step with playwright on the workbench page and
// waits for its answer. Under @vscode/test-electron there is no bridge: `ui.available` is
// false, screenshot() resolves to undefined, and the other steps throw UiUnavailableError —
// guard them with skipWithoutUi(this) (or `if (ui.available)`).
//
// A command that waits for the user must be started without awaiting it first:
//
//   const done = vscode.commands.executeCommand('siteRecovery.commitFailover', node);
//   const { message } = await ui.clickButton('Commit');   // answers the modal dialog
//   await done;
import * as http from 'node:http';

const bridge = process.env.SITE_RECOVERY_UI_BRIDGE || '';

export class UiUnavailableError extends Error {
  constructor(step: string) {
    super(`UI step "${step}" needs the offline web host's UI bridge (not available under desktop VS Code / test-electron)`);
    this.name = 'UiUnavailableError';
  }
}

export interface DialogAnswer {
  /** The dialog's (or notification's) message text. */
  message: string;
  /** The modal dialog's detail text ('' for notifications). */
  detail: string;
  /** true for a modal dialog, false for a notification toast. */
  dialog: boolean;
}

interface Wait {
  /** How long the driver waits for the element to appear (default 15 s). */
  timeoutMs?: number;
}

function call<T>(op: string, args: object = {}): Promise<T> {
  if (!bridge) return Promise.reject(new UiUnavailableError(op));
  const body = JSON.stringify({ op, args });
  return new Promise<T>((resolve, reject) => {
    const req = http.request(bridge, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          const answer = JSON.parse(text) as { ok: boolean; result?: T; error?: string };
          if (answer.ok) resolve(answer.result as T);
          else reject(new Error(`ui.${op}: ${answer.error ?? 'failed'}`));
        } catch {
          reject(new Error(`ui.${op}: bad answer from the UI bridge (HTTP ${res.statusCode})`));
        }
      });
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`ui.${op}: no answer from the UI bridge within 120 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

export const ui = {
  /** Whether the UI bridge is there (offline web host: yes; desktop VS Code: no). */
  available: bridge !== '',

  /** Clicks a button of the modal dialog (or of a notification) once it shows; returns its texts. */
  clickButton: (label: string, opts: Wait = {}) => call<DialogAnswer>('clickButton', { label, ...opts }),

  /** Picks the quick-pick item labelled `label` (exact label, else the first item containing it). */
  pickQuickItem: (label: string, opts: Wait = {}) => call<{ picked: string }>('pickQuickItem', { label, ...opts }),

  /** Types into the open input box / quick pick and presses Enter (unless submit is false). */
  typeInQuickInput: (text: string, opts: Wait & { submit?: boolean } = {}) => call<void>('typeInQuickInput', { text, ...opts }),

  /** Presses Enter in the open quick input (e.g. after ticking items of a multi-select pick). */
  acceptQuickInput: (opts: Wait = {}) => call<void>('acceptQuickInput', opts),

  /** Clicks the side-bar tree row labelled `label`; returns its aria-expanded afterwards. */
  clickTreeItem: (label: string, opts: Wait = {}) => call<{ expanded: string | null }>('clickTreeItem', { label, ...opts }),

  /** Expands the tree row labelled `label` if it is collapsed. */
  expandTreeItem: (label: string, opts: Wait = {}) => call<void>('expandTreeItem', { label, ...opts }),

  /** Right-clicks the tree row `label` and chooses the entry titled `commandTitle` (title without category). */
  contextMenu: (label: string, commandTitle: string, opts: Wait = {}) => call<void>('contextMenu', { label, command: commandTitle, ...opts }),

  /** Clicks the inline (hover) action titled `commandTitle` on the tree row `label`. */
  clickInlineAction: (label: string, commandTitle: string, opts: Wait = {}) => call<void>('clickInlineAction', { label, command: commandTitle, ...opts }),

  /** aria-labels of the visible side-bar tree rows, top to bottom. */
  treeItems: async () => (await call<{ labels: string[] }>('treeItems')).labels,

  /** The steps of the walkthrough page on show, with their checkmarks. */
  walkthroughSteps: async () => (await call<{ steps: Array<{ id: string; checked: boolean }> }>('walkthroughSteps')).steps,

  /** Waits until the workbench shows `text` somewhere. */
  waitForText: (text: string, opts: Wait = {}) => call<void>('waitForText', { text, ...opts }),

  /** Clicks text in the editor area: a walkthrough step's title or button, a link in a page. */
  clickInEditor: (text: string, opts: Wait = {}) => call<void>('clickInEditor', { text, ...opts }),

  /** Presses a key or chord: "Escape", "Enter", "Control+Shift+P", ... */
  pressKey: (key: string) => call<void>('pressKey', { key }),

  /**
   * Right-clicks `label`, chooses `commandTitle` and waits for `expect` to show; once more if a
   * re-render of the tree swallowed the first attempt.
   */
  menuUntil: async (label: string, commandTitle: string, expect: string, opts: Wait = {}) => {
    for (let attempt = 1; ; attempt++) {
      try {
        // A menu opened on a row drawn just before its state changed lacks the entry: open it again.
        await call<void>('contextMenu', { label, command: commandTitle, ...opts, timeoutMs: opts.timeoutMs ?? 6000 });
      } catch (e) {
        if (attempt >= 3) throw e;
        await call<void>('pressKey', { key: 'Escape' });
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      try {
        return await call<void>('waitForText', { text: expect, timeoutMs: 8000 });
      } catch (e) {
        if (attempt >= 3) throw e;
        // A row replaced by a redraw reaches the command as no node: it then asks which VMs.
        await call<void>('pressKey', { key: 'Escape' });
      }
    }
  },

  /** Expands the tree row `label`, again until `child` shows under it (the tree may re-render meanwhile). */
  expandUntil: async (label: string, child: string) => {
    for (let attempt = 1; ; attempt++) {
      await call<void>('expandTreeItem', { label });
      try {
        return await call<void>('waitForText', { text: child, timeoutMs: 5000 });
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
  },

  /** The open quick pick's visible rows (their aria-labels) and which one is focused: what Enter runs. */
  quickPickRows: async (opts: Wait = {}) => (await call<{ rows: Array<{ label: string; focused: boolean }> }>('quickPickRows', opts)).rows,

  /** Runs a command through the command palette by its full title ("Site Recovery: Refresh"). */
  runFromCommandPalette: (title: string, opts: Wait = {}) => call<void>('runFromCommandPalette', { title, ...opts }),
};

/**
 * Saves a PNG of the workbench as test-output/screenshots/<name>.png and resolves to its path
 * once written; resolves to undefined (with a log line) where there is no UI bridge.
 */
export async function screenshot(name: string, opts: { sidebarOnly?: boolean } = {}): Promise<string | undefined> {
  if (!ui.available) {
    console.log(`    (screenshot "${name}" skipped: no UI bridge in this host)`);
    return undefined;
  }
  return call<string>('screenshot', { name, ...opts });
}

/** In a mocha test or hook: skip it, with a message, when the UI bridge is not there. */
export function skipWithoutUi(ctx: Mocha.Context, what = 'this test drives the workbench UI'): void {
  if (ui.available) return;
  console.log(`    (skipped: ${what}; the UI bridge exists only in the offline web host)`);
  ctx.skip();
}

/** Answers whatever picks come (their first item) until the confirmation button shows, and clicks it. */
export async function pickUntil(button: string, rounds = 8): Promise<DialogAnswer> {
  for (let i = 0; i < rounds; i++) {
    try {
      return await ui.clickButton(button, { timeoutMs: 2500 });
    } catch {
      await ui.pickQuickItem('', { timeoutMs: 2500 }).catch(() => undefined);
    }
  }
  return ui.clickButton(button, { timeoutMs: 10_000 });
}
