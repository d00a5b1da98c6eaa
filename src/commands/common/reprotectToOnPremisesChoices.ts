import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { ReplicatedItem, VaultRef } from '../../domain/model';
import type { ReprotectToOnPremisesChoices } from '../../azure/inputs';
import type { Scope } from '../../scope';
import { listOnPremisesInfrastructure } from '../../azure/infrastructure';
import {
  datastoreRefusal,
  masterTargetRefusal,
  originalDatastore,
  reprotectAgentRefusal,
  retentionRefusal,
  sizeText,
  type Datastore,
  type MasterTargetInfo,
  type OnPremisesInfrastructure,
  type PolicyInfo,
  type ReprotectAgentInfo,
} from '../../domain/infrastructure';
import { heartbeatText } from '../../domain/ages';
import { summarizeProcessServer } from '../../domain/processServers';
import { generationOf } from '../../domain/providers';
import { policiesFor } from '../../domain/policies';
import { cancelled } from './ui';
import { sameId } from '../../domain/armId';

type Choice<T> = vscode.QuickPickItem & { value: T };

/** The choices, with names for the confirmation. */
export interface NamedReprotectToOnPremisesChoices {
  choices: ReprotectToOnPremisesChoices;
  summary: string[];
}

/**
 * One pick. A single fitting answer is taken without asking and named as chosen; a remembered
 * or suggested answer is listed first and says why.
 */
async function pick<T>(title: string, items: Array<Choice<T>>, preferred: (v: T) => string | undefined, why: string[]): Promise<T> {
  if (items.length === 0) cancelled();
  if (items.length === 1) {
    why.push(`${title.replace(/^Reprotect to on-premises: /, '')}: ${items[0].label.replace(/^\$\([^)]+\) /, '')} (the only one that fits)`);
    return items[0].value;
  }
  const ranked = items
    .map((i) => ({ i, note: preferred(i.value) }))
    .sort((a, b) => Number(!!b.note) - Number(!!a.note))
    .map(({ i, note }) => (note ? { ...i, description: [i.description, note].filter(Boolean).join(' · ') } : i));
  const chosen = await vscode.window.showQuickPick(ranked, { title, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
  if (!chosen) cancelled();
  why.push(`${title.replace(/^Reprotect to on-premises: /, '')}: ${chosen.label.replace(/^\$\([^)]+\) /, '')}`);
  return chosen.value;
}

function datastorePicks(datastores: readonly Datastore[], items: ReplicatedItem[]): Array<Choice<string>> {
  return datastores
    .filter((ds) => items.every((i) => !datastoreRefusal(i, ds)))
    .map((ds) => ({
      label: ds.name,
      description: ds.freeGB !== undefined ? `${ds.freeGB} GB free${ds.capacityGB !== undefined ? ` of ${ds.capacityGB} GB` : ''}` : undefined,
      value: ds.name,
    }));
}

function policyPicks(policies: readonly PolicyInfo[], generation: 'classic' | 'modernized'): Array<Choice<PolicyInfo>> {
  return policiesFor(policies, generation, 'toOnPremises').map((p) => ({ label: p.name, description: p.providerType, value: p }));
}

async function classicChoices(
  infra: OnPremisesInfrastructure,
  items: ReplicatedItem[],
  remembered: Partial<Record<string, string>>,
  why: string[],
  now: number,
): Promise<ReprotectToOnPremisesChoices> {
  // Failback data leaves Azure through a process server there; the others are listed after it.
  const servers = [...infra.processServers].sort((a, b) => Number(b.location === 'azure') - Number(a.location === 'azure'));
  const ps = await pick(
    'Reprotect to on-premises: process server that sends data from Azure',
    servers.map((p) => {
      const s = summarizeProcessServer(p, now);
      return { label: `${s.warning ? '$(warning)' : '$(pass)'} ${s.name}`, description: s.description, detail: s.detail, value: p };
    }),
    (p) => (sameId(p.id, remembered.processServerId) ? 'last used' : p.location === 'azure' ? 'in Azure' : undefined),
    why,
  );
  const usable = infra.masterTargets.filter((mt) => items.every((i) => !masterTargetRefusal(i, mt, now)));
  if (usable.length === 0) {
    const reasons = infra.masterTargets.flatMap((mt) => items.map((i) => masterTargetRefusal(i, mt, now)).filter(Boolean));
    throw new Error(
      `No master target can take ${items.map((i) => i.friendlyName).join(', ')} back.${reasons.length ? ` ${[...new Set(reasons)].join(' ')}` : ' The configuration server lists none.'}`,
    );
  }
  const mt: MasterTargetInfo = await pick(
    'Reprotect to on-premises: master target server (same OS as the VM)',
    usable.map((m) => ({ label: m.name, description: [m.osType, heartbeatText(m.lastHeartbeat, now)].filter(Boolean).join(' · '), value: m })),
    (m) => (sameId(m.id, remembered.masterTargetId) ? 'last used' : undefined),
    why,
  );
  const volume = await pick(
    'Reprotect to on-premises: retention volume of the master target',
    mt.retentionVolumes
      .filter((v) => !retentionRefusal(v))
      .map((v) => ({ label: v.name, description: `${sizeText(v.freeBytes)} free of ${sizeText(v.capacityBytes)}`, value: v.name })),
    (v) => (v === remembered.retentionDrive ? 'last used' : undefined),
    why,
  );
  const original = items.length === 1 ? originalDatastore(items[0]) : undefined;
  const fitting = datastorePicks(mt.datastores, items);
  if (fitting.length === 0) {
    const reasons = mt.datastores.flatMap((ds) => items.map((i) => datastoreRefusal(i, ds)).filter(Boolean));
    throw new Error(`No datastore of ${mt.name} can hold the VMs. ${reasons.length ? [...new Set(reasons)].join(' ') : `${mt.name} lists no datastore.`}`);
  }
  const datastore = await pick(
    'Reprotect to on-premises: datastore for the VM',
    fitting,
    (d) => (d === original ? 'the datastore the VM came from' : d === remembered.datastoreName ? 'last used' : undefined),
    why,
  );
  const os = new Set(items.map((i) => (i.osType ?? '').toLowerCase()));
  const account = await pick(
    'Reprotect to on-premises: vCenter / VM account the configuration server uses',
    infra.runAsAccounts.map((a) => ({ label: a.name, value: a.id })),
    (id) => {
      const name = infra.runAsAccounts.find((a) => a.id === id)?.name.toLowerCase() ?? '';
      return sameId(id, remembered.runAsAccountId) ? 'last used' : os.size === 1 && [...os][0] && name.includes([...os][0]) ? `named for ${[...os][0]}` : undefined;
    },
    why,
  );
  const policy = await pick(
    'Reprotect to on-premises: failback policy',
    policyPicks(infra.policies, 'classic'),
    (p) => (sameId(p.id, remembered.policyId) ? 'last used' : undefined),
    why,
  );
  return { generation: 'classic', processServerId: ps.id, masterTargetId: mt.id, retentionDrive: volume, runAsAccountId: account, datastoreName: datastore, policyId: policy.id };
}

const STORAGE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]{3,24}$/i;

async function modernizedChoices(
  infra: OnPremisesInfrastructure,
  items: ReplicatedItem[],
  remembered: Partial<Record<string, string>>,
  why: string[],
  now: number,
): Promise<ReprotectToOnPremisesChoices> {
  const vcenter = items.length === 1 ? items[0].sourceVcenterId : undefined;
  const usable = infra.reprotectAgents.filter((a) => !reprotectAgentRefusal(a, now));
  if (usable.length === 0) {
    const reasons = infra.reprotectAgents.map((a) => reprotectAgentRefusal(a, now)).filter(Boolean);
    throw new Error(`No replication appliance can take the VMs back. ${reasons.length ? reasons.join(' ') : 'The vault lists no reprotect agent.'}`);
  }
  const agent: ReprotectAgentInfo = await pick(
    'Reprotect to on-premises: on-premises appliance (reprotect agent)',
    usable.map((a) => ({
      label: `$(pass) ${a.name}`,
      description: [a.health ? `health: ${a.health}` : '', a.protectedItemCount !== undefined ? `${a.protectedItemCount} protected` : ''].filter(Boolean).join(' · '),
      detail: [heartbeatText(a.lastHeartbeat, now), a.vcenterId ? `vCenter ${a.vcenterId.split('/').pop()}` : ''].filter(Boolean).join(' · '),
      value: a,
    })),
    (a) => (sameId(a.id, remembered.reprotectAgentId) ? 'last used' : sameId(a.vcenterId, vcenter) ? "reaches the VM's vCenter" : undefined),
    why,
  );
  const original = items.length === 1 ? originalDatastore(items[0]) : undefined;
  const datastore = await pick(
    'Reprotect to on-premises: datastore the appliance reaches',
    agent.datastores.map((d) => ({ label: d, value: d })),
    (d) => (d === original ? 'the datastore the VM came from' : d === remembered.datastoreName ? 'last used' : undefined),
    why,
  );
  const known = [...new Set(items.map((i) => i.logStorageAccountId).filter((x): x is string => !!x))];
  let logStorageAccountId: string;
  if (known.length === 1) {
    logStorageAccountId = known[0];
    why.push(`Log storage account: ${known[0].split('/').pop()} (the one the VM's replication used)`);
  } else {
    const typed = await vscode.window.showInputBox({
      title: 'Reprotect to on-premises: log (cache) storage account in Azure',
      prompt: 'Resource ID of the storage account (/subscriptions/…/providers/Microsoft.Storage/storageAccounts/name)',
      value: remembered.logStorageAccountId,
      ignoreFocusOut: true,
      validateInput: (v) => (STORAGE_ID.test(v.trim()) ? undefined : 'Enter the resource ID of a storage account.'),
    });
    logStorageAccountId = typed?.trim() || cancelled();
    why.push(`Log storage account: ${logStorageAccountId.split('/').pop()}`);
  }
  const policy = await pick(
    'Reprotect to on-premises: failback policy',
    policyPicks(infra.policies, 'modernized'),
    (p) => (sameId(p.id, remembered.policyId) ? 'last used' : undefined),
    why,
  );
  return { generation: 'modernized', reprotectAgentId: agent.id, datastoreName: datastore, logStorageAccountId, policyId: policy.id };
}

/** Every choice, once for the selected VMs of one vault and generation; remembered per vault. */
export async function chooseReprotectToOnPremises(services: Services, scope: Scope, vault: VaultRef, items: ReplicatedItem[]): Promise<NamedReprotectToOnPremisesChoices> {
  const generations = new Set(items.map((i) => (i.provider ? generationOf(i.provider) : undefined)));
  if (generations.size !== 1) throw new Error('Reprotect classic and modernized VMs separately: they use different on-premises components.');
  const remembered = services.store.reprotectToOnPremisesChoices.get(vault.id);
  const infra = await listOnPremisesInfrastructure(scope.clients, vault);
  const why: string[] = [];
  // Heartbeat ages on the scope's clock: the practice vault's servers beat in its virtual time.
  const now = scope.clock.now();
  const choices = generations.has('classic') ? await classicChoices(infra, items, remembered, why, now) : await modernizedChoices(infra, items, remembered, why, now);
  const { generation: _generation, ...plain } = choices;
  await services.store.reprotectToOnPremisesChoices.set(vault.id, plain as Record<string, string>);
  return { choices, summary: why };
}
