import assert from 'node:assert/strict';
import { checklistHtml, escapeHtml } from '../../../src/checklist/html';
import { failbackChecklist } from '../../../src/domain/checklist';
import { failbackPhase } from '../../../src/domain/itemState';
import type { ReplicatedItem } from '../../../src/domain/model';
import { precheckAction } from '../../../src/domain/prechecks';
import { prepareFailover } from '../../../src/workflows/failoverPrep';
import { practiceWorld } from '../azure/harness';

import { escapeMarkdown } from '../../../src/domain/markdown';

/** Names a VM, plan or fabric can carry in Azure: nothing in them may become markup. */
const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '[link](command:evil)',
  '**bold**',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '`code` _em_ ~~strike~~ # heading | table | ![img](x) {attr} +list -list 1. item',
  '&lt;escaped&gt; &amp; \\ backslash',
  'Ünïcødé-ВМ-虚拟机-🖥️-\u202Eevil\u200B',
  'x'.repeat(10_000),
];

/** ASCII punctuation that CommonMark / GFM turn into markup (emphasis, links, HTML, code, tables, headings, lists, entities). */
const MARKDOWN_SPECIALS = '\\`*_{}[]()#+-.!|<>~&';

function unescapedMarkdownSpecials(escaped: string): string[] {
  const rest = escaped.replace(/\\[\s\S]/g, '');
  return [...rest].filter((c) => MARKDOWN_SPECIALS.includes(c));
}

function readyItems(items: ReplicatedItem[]): ReplicatedItem[] {
  return items.filter((i) => failbackPhase(i) === 'readyToFailBack');
}

describe('security: bad input', function () {
  this.timeout(20_000);

  describe('stale and mixed items (domain checks before any POST)', () => {
    it('refuses a VM whose state changed since the tree showed it, and sends nothing', async () => {
      const w = await practiceWorld();
      const shown = (await prepareFailover(w.scope.queries, readyItems(await w.items()))).ready[0];
      // Someone else (the portal, a colleague) fails it over after the tree was drawn.
      await w.scope.operations.failoverItem(shown, { kind: 'latest' });
      w.sim.clearRequestLog();

      const prep = await prepareFailover(w.scope.queries, [shown]);
      assert.deepEqual(prep.ready, []);
      assert.equal(prep.refused.length, 1);
      assert.match(prep.refused[0].reason, new RegExp(`${shown.friendlyName} is busy`));
      assert.deepEqual(w.posts(), [], 'nothing sent');
      assert.ok(
        w.sim.requestLog.some((r) => r.method === 'GET' && r.path.endsWith(`/replicationProtectedItems/${shown.name}`)),
        'the item was re-read',
      );
    });

    it('refuses a commit of a VM that was committed elsewhere meanwhile', async () => {
      const w = await practiceWorld();
      const item = (await prepareFailover(w.scope.queries, readyItems(await w.items()))).ready[0];
      await w.runJob((await w.scope.operations.failoverItem(item, { kind: 'latest' })).jobName!);
      const shown = await w.scope.queries.getItem(item);
      assert.deepEqual(precheckAction([shown], 'commit').refused, [], 'the tree offered Commit');
      await w.runJob((await w.scope.operations.commitItem(shown)).jobName!);
      w.sim.clearRequestLog();

      const fresh = await w.scope.queries.getItem(shown); // what the command does first
      const check = precheckAction([fresh], 'commit');
      assert.deepEqual(check.ready, []);
      assert.match(check.refused[0].reason, /has no failover to commit/);
      assert.deepEqual(w.posts(), []);
    });

    it('splits mixed states into ready and refused, and sends only for the ready ones', async () => {
      const w = await practiceWorld();
      const all = await w.items();
      const prep = await prepareFailover(w.scope.queries, all);
      assert.ok(prep.ready.length >= 1 && prep.refused.length >= 2, `mixed: ${prep.ready.length} ready, ${prep.refused.length} refused`);
      assert.equal(prep.ready.length + prep.refused.length, all.length, 'every VM is either ready or refused, with a reason');
      for (const r of prep.refused) assert.ok(r.reason.includes(r.item.friendlyName), `the reason names the VM: ${r.reason}`);

      w.sim.clearRequestLog();
      for (const item of prep.ready) await w.scope.operations.failoverItem(item, { kind: 'latest' });
      const sentTo = w.posts().map((p) => p.path.split('/').at(-2));
      assert.deepEqual(sentTo.sort(), prep.ready.map((i) => i.name).sort(), 'one POST per ready VM');
      for (const r of prep.refused) assert.ok(!sentTo.includes(r.item.name), `nothing sent for ${r.item.friendlyName}`);
    });
  });

  describe('hostile names', () => {
    it('escapeMarkdown escapes every Markdown special character and keeps the text', () => {
      for (const name of HOSTILE_NAMES) {
        const out = escapeMarkdown(name);
        assert.deepEqual(unescapedMarkdownSpecials(out), [], `unescaped in ${out.slice(0, 80)}`);
        assert.equal(out.replace(/\\([\s\S])/g, '$1'), name, 'unescaping gives the name back: nothing lost or added');
      }
      assert.equal(escapeMarkdown('[link](command:evil)'), '\\[link\\]\\(command\\:evil\\)');
      assert.equal(escapeMarkdown('**bold**'), '\\*\\*bold\\*\\*');
      assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert\\(1\\)\\>');
    });

    it('escapeMarkdown flattens line breaks (a name cannot start a new Markdown block)', () => {
      for (const name of ['vm\n===', 'vm\n\n<b>x</b>', 'vm\r\n# title', 'vm\n    indented']) assert.ok(!/[\r\n]/.test(escapeMarkdown(name)), JSON.stringify(name));
    });

    it('escapeHtml leaves no markup character', () => {
      for (const name of HOSTILE_NAMES) {
        const out = escapeHtml(name);
        assert.ok(!/[<>"']/.test(out), out.slice(0, 80));
        assert.ok(!/&(?!(?:amp|lt|gt|quot|#39);)/.test(out), 'every & starts one of our entities');
      }
    });

    it('the checklist page shows hostile names as text, under a strict CSP with a script nonce', async () => {
      const w = await practiceWorld();
      const items = await w.items();
      const nonce = 'n0nce4Test';
      const vms = HOSTILE_NAMES.map((name, i) => {
        const item = { ...items[i % items.length], friendlyName: name };
        return { name, state: `<b>${name}</b>`, steps: failbackChecklist(item, 0), itemId: `${item.id}" onclick="alert(1)` };
      });
      const html = checklistHtml({ title: `Checklist <i>${HOSTILE_NAMES[0]}</i>`, subtitle: HOSTILE_NAMES[3], vms }, nonce, 'vscode-resource:');

      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.ok(csp, 'a CSP meta tag');
      assert.match(csp, /(^|;)\s*default-src 'none'\s*(;|$)/);
      assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
      assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp), 'no unsafe-inline, unsafe-eval or wildcard');

      // Every tag in the page is one of the template's own: no tag, attribute or handler from a name.
      const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
      const allowed = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'small', 'section', 'ol', 'li', 'span', 'div', 'button', 'script']);
      assert.deepEqual(
        [...new Set(tags)].filter((t) => !allowed.has(t)),
        [],
        'no foreign tag',
      );
      assert.equal(html.match(/<script\b/g)?.length, 1, 'one script');
      assert.match(html, new RegExp(`<script nonce="${nonce}">`));
      assert.match(html, new RegExp(`<style nonce="${nonce}">`));
      // Tags are well-formed with double-quoted values (escapeHtml escapes quotes), so attribute names are exactly these.
      const wellFormed = [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>/g)];
      assert.equal(wellFormed.length, html.match(/<[a-zA-Z]/g)?.length, 'every tag parses');
      const attributes = wellFormed.flatMap((m) => [...m[2].matchAll(/\s+([\w-]+)(?:="[^"]*")?/g)].map((a) => a[1].toLowerCase()));
      assert.deepEqual(
        attributes.filter((a) => a.startsWith('on')),
        [],
        'no inline event handler',
      );
      for (const name of HOSTILE_NAMES.filter((n) => /[<>"'&]/.test(n))) assert.ok(!html.includes(name), `raw name absent: ${name.slice(0, 40)}`);
      assert.ok(html.includes(escapeHtml(HOSTILE_NAMES[0])), 'the name is shown, escaped');
      assert.ok(html.includes('x'.repeat(10_000)), 'a very long name is kept whole');
    });
  });
});
