// ui-bridge.mjs — lets tests running in the extension host act on the workbench page.
//
// The extension host cannot reach the browser, so the driver (web.mjs) serves a small
// HTTP endpoint on 127.0.0.1 (random port, random token in the path) and passes its
// address to the extension host in SITE_RECOVERY_UI_BRIDGE. test/integration/support/ui.ts
// POSTs { op, args } there; the driver performs the step with playwright on the page and
// answers { ok: true, result } or { ok: false, error }. Steps run one at a time.
//
// WorkbenchUi is the set of steps; scripts/demo.mjs uses it directly.
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { VIEWPORT, sleep } from './workbench.mjs';

const DEFAULT_WAIT_MS = 15_000;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text) => new RegExp(`^\\s*${escapeRe(text)}\\s*$`);

export class WorkbenchUi {
  /** @param {import('playwright-core').Page} page @param {{ screenshotDir: string }} opts */
  constructor(page, { screenshotDir }) {
    this.page = page;
    this.screenshotDir = screenshotDir;
  }

  /** Saves a PNG of the window (or of the side bar) as <screenshotDir>/<name>.png; returns its path. */
  async screenshot({ name, sidebarOnly = false, settleMs = 700 }) {
    const file = path.join(this.screenshotDir, `${String(name).replace(/[^\w.-]+/g, '_')}.png`);
    fs.mkdirSync(this.screenshotDir, { recursive: true });
    await this.page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5); // no hover highlight
    await sleep(settleMs); // let trees and progress bars render
    await (sidebarOnly ? this.page.locator('.part.sidebar') : this.page).screenshot({ path: file });
    return file;
  }

  /**
   * Clicks a button of a modal dialog (showWarningMessage({ modal: true }) is a DOM dialog in
   * the web workbench) or of a notification toast. Returns the dialog's message and detail.
   */
  async clickButton({ label, timeoutMs = DEFAULT_WAIT_MS }) {
    const page = this.page;
    const scope = page.locator('.monaco-dialog-box, .notifications-toasts .notification-toast');
    const button = scope.locator('.monaco-button', { hasText: exactly(label) }).first();
    await this.waitVisible(button, timeoutMs, `a button "${label}"`, () => this.visibleTexts(scope.locator('.monaco-button')));
    const dialog = page.locator('.monaco-dialog-box').first();
    const inDialog = (await dialog.count()) > 0 && (await dialog.isVisible());
    const message = inDialog
      ? await textOf(dialog.locator('.dialog-message-text'))
      : await textOf(button.locator('xpath=ancestor::*[contains(@class,"notification-toast")]').locator('.notification-list-item-message'));
    const detail = inDialog ? await textOf(dialog.locator('.dialog-message-detail')) : '';
    await button.click();
    return { message, detail, dialog: inDialog };
  }

  /** Picks the quick-pick row whose label is `label` (exact, else the first row containing it). */
  async pickQuickItem({ label, timeoutMs = DEFAULT_WAIT_MS }) {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    let row = rows.filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(3000, timeoutMs) });
    } catch {
      row = rows.filter({ hasText: label }).first();
      await this.waitVisible(row, timeoutMs, `a quick-pick item "${label}"`, () => this.visibleTexts(rows.locator('.label-name')));
    }
    await row.click();
    return { picked: (await textOf(row.locator('.label-name'))) || label };
  }

  /** Types into the open quick input (input box or quick-pick filter); presses Enter unless submit is false. */
  async typeInQuickInput({ text, submit = true, timeoutMs = DEFAULT_WAIT_MS }) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input').first();
    await this.waitVisible(input, timeoutMs, 'an open quick input');
    await input.fill(String(text));
    if (submit) await input.press('Enter');
    return {};
  }

  /** Accepts the open quick input (Enter), e.g. after ticking items of a multi-select pick. */
  async acceptQuickInput({ timeoutMs = DEFAULT_WAIT_MS } = {}) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input').first();
    await this.waitVisible(input, timeoutMs, 'an open quick input');
    await input.press('Enter');
    return {};
  }

  /** Clicks a row of the side bar's trees (expands/collapses a folder, selects an item). */
  async clickTreeItem({ label, timeoutMs = DEFAULT_WAIT_MS }) {
    const row = await this.treeRow(label, timeoutMs);
    await row.click();
    return { expanded: await row.getAttribute('aria-expanded') };
  }

  /** Expands a tree row if it is collapsed (never collapses). */
  async expandTreeItem({ label, timeoutMs = DEFAULT_WAIT_MS }) {
    const row = await this.treeRow(label, timeoutMs);
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    return {};
  }

  /** Right-clicks a tree row and chooses `command` (the command's title) from its context menu. */
  async contextMenu({ label, command, timeoutMs = DEFAULT_WAIT_MS }) {
    const row = await this.treeRow(label, timeoutMs);
    await row.click({ button: 'right' });
    const items = this.page.locator('.context-view .monaco-menu .action-item');
    const item = items.filter({ has: this.page.locator('.action-label', { hasText: exactly(command) }) }).first();
    await this.waitVisible(item, timeoutMs, `a context-menu entry "${command}" on "${label}"`, () => this.visibleTexts(items.locator('.action-label')));
    await item.click();
    // A tree that re-renders under the open menu can swallow the click: the menu then stays
    // open. Click the entry once more in that case (the first click did nothing).
    const menu = this.page.locator('.context-view .monaco-menu').first();
    const closed = await menu.waitFor({ state: 'hidden', timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (!closed && (await item.isVisible())) {
      await item.click();
      await menu.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }
    return {};
  }

  /** Clicks an inline action (the icon buttons on hover) of a tree row by its title. */
  async clickInlineAction({ label, command, timeoutMs = DEFAULT_WAIT_MS }) {
    const row = await this.treeRow(label, timeoutMs);
    await row.hover();
    const action = row.locator(`.actions .action-label[aria-label=${JSON.stringify(command)}]`).first();
    await this.waitVisible(action, timeoutMs, `an inline action "${command}" on "${label}"`, () => this.visibleTexts(row.locator('.actions .action-label'), 'aria-label'));
    await action.click();
    return {};
  }

  /** Labels of the visible rows of the side bar's trees, top to bottom. */
  async treeItems() {
    return { labels: await this.visibleTexts(this.page.locator('.part.sidebar .monaco-list-row'), 'aria-label') };
  }

  /** The steps of the walkthrough page on show: { id, checked } each, as the page ticks them. */
  async walkthroughSteps() {
    const steps = this.page.locator('button.getting-started-step');
    const out = [];
    for (let i = 0; i < (await steps.count()); i++) {
      const step = steps.nth(i);
      out.push({ id: await step.getAttribute('data-step-id'), checked: (await step.getAttribute('aria-checked')) === 'true' });
    }
    return { steps: out };
  }

  /** Waits until some visible element of the workbench shows `text`. */
  async waitForText({ text, timeoutMs = DEFAULT_WAIT_MS }) {
    await this.waitVisible(this.page.getByText(text).first(), timeoutMs, `the text "${text}"`);
    return {};
  }

  /**
   * Clicks the first visible element of the editor area whose text is `text` (exact, else
   * containing it): walkthrough step titles and their buttons, links in a page.
   */
  async clickInEditor({ text, timeoutMs = DEFAULT_WAIT_MS }) {
    const area = this.page.locator('.part.editor');
    const candidates = area.locator('a, button, .button-link, h3, .step-title, [role="button"]');
    let target = candidates.filter({ hasText: exactly(text) }).first();
    try {
      await target.waitFor({ state: 'visible', timeout: Math.min(3000, timeoutMs) });
    } catch {
      target = candidates.filter({ hasText: text }).first();
      await this.waitVisible(target, timeoutMs, `"${text}" in the editor area`, () => this.visibleTexts(candidates));
    }
    await target.click();
    return {};
  }

  /** Presses a key or chord on the focused element, e.g. "Escape", "Enter", "Control+Shift+P". */
  async pressKey({ key }) {
    await this.page.keyboard.press(key);
    return {};
  }

  /** The open quick pick's visible rows, top to bottom, with the one Enter would run. */
  async quickPickRows({ timeoutMs = DEFAULT_WAIT_MS } = {}) {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await this.waitVisible(rows.first(), timeoutMs, 'a quick-pick row');
    const out = [];
    for (const row of await rows.all()) {
      if (!(await row.isVisible())) continue;
      const label = (await row.getAttribute('aria-label')) ?? (await row.innerText());
      const focused = /\bfocused\b/.test((await row.getAttribute('class')) ?? '');
      out.push({ label: label.trim(), focused });
    }
    return { rows: out };
  }

  /** Runs a command from the command palette by its full title ("Site Recovery: Refresh"). */
  async runFromCommandPalette({ title, timeoutMs = DEFAULT_WAIT_MS }) {
    await this.page.keyboard.press('F1');
    await this.typeInQuickInput({ text: `>${title}`, submit: false, timeoutMs });
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await this.waitVisible(row, timeoutMs, `the command "${title}" in the command palette`);
    await row.click();
    return {};
  }

  async treeRow(label, timeoutMs) {
    const rows = this.page.locator('.part.sidebar .monaco-list-row');
    let row = rows.filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(3000, timeoutMs) });
    } catch {
      row = rows.filter({ hasText: label }).first();
      await this.waitVisible(row, timeoutMs, `a tree item "${label}"`, () => this.visibleTexts(rows, 'aria-label'));
    }
    return row;
  }

  async waitVisible(locator, timeoutMs, what, listAlternatives) {
    try {
      await locator.waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
      const seen = listAlternatives ? await listAlternatives().catch(() => []) : [];
      throw new Error(`no ${what} within ${timeoutMs} ms${seen.length ? `; visible: ${seen.map((s) => JSON.stringify(s)).join(', ')}` : ''}`);
    }
  }

  async visibleTexts(locator, attribute) {
    const texts = [];
    for (const l of await locator.all()) {
      if (!(await l.isVisible())) continue;
      const t = attribute ? await l.getAttribute(attribute) : await l.innerText();
      if (t && t.trim()) texts.push(t.trim());
    }
    return texts;
  }
}

async function textOf(locator) {
  try {
    return (await locator.count()) ? (await locator.first().innerText()).trim() : '';
  } catch {
    return '';
  }
}

const OPS = new Set([
  'screenshot',
  'quickPickRows',
  'clickButton',
  'pickQuickItem',
  'typeInQuickInput',
  'acceptQuickInput',
  'clickTreeItem',
  'expandTreeItem',
  'contextMenu',
  'clickInlineAction',
  'treeItems',
  'walkthroughSteps',
  'waitForText',
  'pressKey',
  'runFromCommandPalette',
  'clickInEditor',
]);

/**
 * Starts the bridge's HTTP endpoint before there is a page (the server needs its address in
 * its environment); call attach(page) once the page exists. Resolves to
 * { address, attach(page), close() }; address goes into SITE_RECOVERY_UI_BRIDGE.
 */
export async function startUiBridge({ screenshotDir, onStep = () => {} }) {
  const token = crypto.randomBytes(16).toString('hex');
  let ui;
  let queue = Promise.resolve();
  const server = http.createServer((req, res) => {
    const answer = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== `/${token}`) return answer(404, { ok: false, error: 'not found' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      let op, args;
      try {
        ({ op, args = {} } = JSON.parse(body));
      } catch {
        return answer(400, { ok: false, error: 'bad JSON' });
      }
      if (!OPS.has(op)) return answer(400, { ok: false, error: `unknown step "${op}"` });
      if (!ui) return answer(503, { ok: false, error: 'no workbench page yet' });
      // One step at a time: two steps racing on one page would confuse both.
      queue = queue.then(async () => {
        const started = Date.now();
        try {
          const result = await ui[op](args);
          onStep(`${op} ${JSON.stringify(args)} ok (${Date.now() - started} ms)`);
          answer(200, { ok: true, result });
        } catch (e) {
          onStep(`${op} ${JSON.stringify(args)} failed: ${e.message}`);
          answer(200, { ok: false, error: e.message });
        }
      });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `http://127.0.0.1:${server.address().port}/${token}`,
    attach(page) {
      ui = new WorkbenchUi(page, { screenshotDir });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets from the extension host
      }),
  };
}
