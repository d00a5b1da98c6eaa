import type { ChecklistStep } from '../domain/checklist';

/** HTML-escapes text from Azure (VM names can hold anything). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const ICON: Record<ChecklistStep['status'], string> = { done: '✔', next: '➜', running: '⟳', waiting: '…', blocked: '✖', later: '○' };

export interface ChecklistView {
  title: string;
  subtitle: string;
  vms: Array<{ name: string; state: string; steps: ChecklistStep[]; itemId: string }>;
}

/** The checklist page: no remote content, inline styles only via the nonce'd style, one nonce'd script. */
export function checklistHtml(view: ChecklistView, nonce: string, cspSource: string): string {
  const vms = view.vms
    .map(
      (vm) =>
        `<section><h2>${escapeHtml(vm.name)} <small>${escapeHtml(vm.state)}</small></h2><ol>${vm.steps
          .map(
            (s) =>
              `<li class="${s.status}"><span class="icon" aria-hidden="true">${ICON[s.status]}</span><span class="title">${escapeHtml(s.title)}</span>` +
              `<span class="status">${s.status}</span><div class="detail">${escapeHtml(s.detail)}</div>` +
              (s.command && s.status === 'next'
                ? `<button data-command="${escapeHtml(s.command)}" data-item="${escapeHtml(vm.itemId)}">Run: ${escapeHtml(s.title.split(' (')[0])}</button>`
                : '') +
              `</li>`,
          )
          .join('')}</ol></section>`,
    )
    .join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>${escapeHtml(view.title)}</title>
<style nonce="${nonce}">
body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 16px}
h1{font-size:1.3em}h2{font-size:1.1em}small{color:var(--vscode-descriptionForeground);font-weight:normal}
ol{list-style:none;padding:0}li{padding:6px 0;border-bottom:1px solid var(--vscode-panel-border)}
.icon{display:inline-block;width:1.5em}.status{margin-left:8px;font-size:.85em;color:var(--vscode-descriptionForeground)}
.detail{margin-left:1.5em;color:var(--vscode-descriptionForeground);font-size:.9em}
li.done .icon{color:var(--vscode-testing-iconPassed)}li.blocked .icon{color:var(--vscode-errorForeground)}li.next .title{font-weight:bold}
button{margin:6px 0 0 1.5em;background:var(--vscode-button-background);color:var(--vscode-button-foreground);border:none;padding:4px 10px;cursor:pointer}
</style></head><body><h1>${escapeHtml(view.title)}</h1><p>${escapeHtml(view.subtitle)}</p>${vms || '<p>Select a replicated VM or a recovery plan in the Site Recovery view.</p>'}
<script nonce="${nonce}">const vscode=acquireVsCodeApi();document.querySelectorAll('button[data-command]').forEach(b=>b.addEventListener('click',()=>vscode.postMessage({command:b.dataset.command,itemId:b.dataset.item})));</script>
</body></html>`;
}
