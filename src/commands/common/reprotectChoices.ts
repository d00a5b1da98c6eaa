import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { ProcessServerInfo, ReplicatedItem, VaultRef } from '../../domain/model';
import type { ReprotectChoices } from '../../azure/inputs';
import type { Scope } from '../../scope';
import { generationOf } from '../../domain/providers';
import { policiesFor } from '../../domain/policies';
import { listOnPremisesInfrastructure } from '../../azure/infrastructure';
import { cancelled } from './ui';
import { summarizeProcessServer } from '../../domain/processServers';
import { sameId, idKey } from '../../domain/armId';

type Pick<T> = vscode.QuickPickItem & { value: T };

/** Picks from a list; a single sensible answer is taken without asking. Remembered per vault. */
async function choose<T>(title: string, items: Array<Pick<T>>, remembered?: string, idOf?: (v: T) => string): Promise<T> {
  if (items.length === 0) cancelled();
  if (items.length === 1) return items[0].value;
  const sorted = remembered && idOf ? [...items].sort((a, b) => Number(idOf(b.value) === remembered) - Number(idOf(a.value) === remembered)) : items;
  if (remembered && idOf) sorted.forEach((i) => idOf(i.value) === remembered && (i.description = `${i.description ?? ''} · last used`.replace(/^ · /, '')));
  const pick = await vscode.window.showQuickPick(sorted, { title, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
  return pick?.value ?? cancelled();
}

export function processServerPicks(servers: ProcessServerInfo[], now = Date.now()): Array<Pick<ProcessServerInfo>> {
  return servers.map((ps) => {
    const summary = summarizeProcessServer(ps, now);
    return { label: `${summary.warning ? '$(warning)' : '$(pass)'} ${summary.name}`, description: summary.description, detail: summary.detail, value: ps };
  });
}

/** Process server, policy and (classic) master target for reprotecting VMs of one vault. */
export async function chooseReprotectInputs(
  services: Services,
  scope: Scope,
  vault: VaultRef,
  items: ReplicatedItem[],
): Promise<ReprotectChoices & { processServerName: string; processServerState: string; policyName: string; masterTargetName?: string }> {
  const remembered = services.store.reprotectChoices.get(vault.id);
  const classic = items.every((i) => i.provider && generationOf(i.provider) === 'classic');
  const infra = await listOnPremisesInfrastructure(scope.clients, vault);
  const servers = infra.processServers;
  // On-premises → Azure reprotect sends data through an on-premises process server; one in
  // Azure serves failback only, so it is listed last and says so.
  const ordered = [...servers].sort((a, b) => Number(a.location === 'azure') - Number(b.location === 'azure'));
  const ps = await choose('Reprotect: process server that sends data to Azure', processServerPicks(ordered, scope.clock.now()), remembered.processServerId, (v) => v.id);
  const fitting = policiesFor(infra.policies, classic ? 'classic' : 'modernized', 'toAzure');
  if (fitting.length === 0) throw new Error(`The vault has no ${classic ? 'InMageAzureV2' : 'InMageRcm'} replication policy to reprotect to Azure with.`);
  const policy = await choose(
    'Reprotect: replication policy',
    fitting.map((p) => ({ label: p.name, description: p.providerType, value: p })),
    remembered.policyId,
    (v) => v.id,
  );
  let masterTarget: { id: string; name: string } | undefined;
  let runAsAccountId: string | undefined;
  if (classic) {
    masterTarget = await choose(
      'Reprotect: master target server',
      infra.masterTargets.filter((m) => m.id).map((m) => ({ label: m.name, description: m.osType, value: { id: m.id, name: m.name } })),
      remembered.masterTargetId,
      (v) => v.id,
    );
    const accounts = infra.runAsAccounts;
    // The account that installs the Mobility agent on the VM: when the VMs share one OS and
    // exactly one account is named for it, that is the only sensible answer.
    const os = new Set(items.map((i) => (i.osType ?? '').toLowerCase()));
    const forOs = os.size === 1 ? accounts.filter((a) => [...os][0] && a.name.toLowerCase().includes([...os][0])) : [];
    runAsAccountId =
      forOs.length === 1
        ? forOs[0].id
        : await choose(
            'Reprotect: account the configuration server uses to reach the VM',
            accounts.map((a) => ({ label: a.name, value: a.id })),
            remembered.runAsAccountId,
            (v) => v,
          );
  } else {
    runAsAccountId = await chooseSiteRunAsAccount(scope, vault, items, remembered.runAsAccountId);
  }
  const choices: ReprotectChoices = { processServerId: ps.id, policyId: policy.id, masterTargetId: masterTarget?.id, runAsAccountId };
  await services.store.reprotectChoices.set(vault.id, choices);
  // Said in the confirmation even when it was the only one and no picker showed.
  const state = summarizeProcessServer(ps, scope.clock.now());
  return {
    ...choices,
    processServerName: ps.name,
    processServerState: [state.description, state.detail].filter(Boolean).join(' · '),
    policyName: policy.name,
    masterTargetName: masterTarget?.name,
  };
}

const RUN_AS_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.OffAzure\/VMwareSites\/[^/]+\/runasaccounts\/[^/]+$/i;

/**
 * Modernized reprotect to Azure names the VMware site's run-as account that reaches the VM
 * (recorded: TestV2ARCM540Reprotect). Site Recovery shows those accounts on the InMageRcm items
 * that use them, so the vault's items give the candidates; one fits without asking.
 */
async function chooseSiteRunAsAccount(scope: Scope, vault: VaultRef, items: ReplicatedItem[], remembered: string | undefined): Promise<string> {
  const own = new Set(items.map((i) => i.runAsAccountId).filter((id): id is string => !!id));
  const vaultItems = await scope.queries.listAllItems(vault);
  const known = [...new Map([...own, ...vaultItems.map((i) => i.runAsAccountId)].filter((id): id is string => !!id).map((id) => [idKey(id), id])).values()];
  if (known.length === 1) return known[0];
  const other = 'other';
  const picks: Array<Pick<string>> = known.map((id) => ({
    label: id.split('/').pop() ?? id,
    description:
      vaultItems
        .filter((i) => sameId(i.runAsAccountId, id))
        .map((i) => i.friendlyName)
        .join(', ') || undefined,
    detail: id,
    value: id,
  }));
  picks.push({ label: 'Enter a run-as account ID…', value: other });
  const id = await choose('Reprotect: run-as account of the VMware site that reaches the VM (used by the VMs listed)', picks, remembered, (v) => v);
  if (id !== other) return id;
  const typed = await vscode.window.showInputBox({
    title: 'Reprotect: run-as account',
    prompt: 'Resource ID of the VMware site run-as account (/subscriptions/…/providers/Microsoft.OffAzure/VMwareSites/site/runasaccounts/id)',
    ignoreFocusOut: true,
    validateInput: (v) => (RUN_AS_ID.test(v.trim()) ? undefined : 'Enter the resource ID of a VMware site run-as account.'),
  });
  return typed?.trim() || cancelled();
}
