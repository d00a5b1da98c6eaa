import * as vscode from 'vscode';
import type { Services } from '../services';
import { COMMAND_IDS, type CommandId } from './commandIds';
import { cancelFailover } from './cancelFailover';
import { cancelJob } from './cancelJob';
import { changeRecoveryPoint } from './changeRecoveryPoint';
import { commitFailover } from './commitFailover';
import { copyId } from './copyId';
import { deleteSeedDisks } from './deleteSeedDisks';
import { failover } from './failover';
import { filterItems } from './filterItems';
import { openInPortal } from './openInPortal';
import { openPracticeVault } from './openPracticeVault';
import { refresh } from './refresh';
import { reprotect } from './reprotect';
import { reprotectToOnPremises } from './reprotectToOnPremises';
import { resetPracticeVault } from './resetPracticeVault';
import { testFailover } from './testFailover';
import { cleanupTestFailover } from './cleanupTestFailover';
import { failoverToAzure } from './failoverToAzure';
import { exportRunReport } from './exportRunReport';
import { restartJob } from './restartJob';
import { resumeJob } from './resumeJob';
import { selectSubscriptions } from './selectSubscriptions';
import { showChecklist } from './showChecklist';
import { showJobOutput } from './showJobOutput';
import { signIn } from './signIn';
import { PROPERTIES_SCHEME, PropertiesDocuments, viewProperties } from './viewProperties';
import { ItemsFolderNode } from '../tree/itemsFolder';
import { LOAD_MORE_COMMAND, RETRY_COMMAND, type TreeNode } from '../tree/node';

type Handler = (...args: unknown[]) => unknown;

/** One line per command. The record type makes a missing or unknown command a compile error. */
export function registerCommands(context: vscode.ExtensionContext, s: Services): void {
  const docs = new PropertiesDocuments();
  const table: Record<CommandId, Handler> = {
    'siteRecovery.refresh': (node) => refresh(s, node as TreeNode | undefined),
    'siteRecovery.signIn': (tenantId) => signIn(s, tenantId),
    'siteRecovery.selectSubscriptions': () => selectSubscriptions(s),
    'siteRecovery.openPracticeVault': (scenario) => openPracticeVault(s, scenario),
    'siteRecovery.resetPracticeVault': () => resetPracticeVault(s),
    'siteRecovery.failover': (node, nodes, hint) => failover(s, node, nodes, hint),
    'siteRecovery.commitFailover': (node, nodes, hint) => commitFailover(s, node, nodes, hint),
    'siteRecovery.cancelFailover': (node, nodes) => cancelFailover(s, node, nodes),
    'siteRecovery.changeRecoveryPoint': (node) => changeRecoveryPoint(s, node),
    'siteRecovery.reprotect': (node, nodes, hint) => reprotect(s, node, nodes, hint),
    'siteRecovery.reprotectToOnPremises': (node, nodes, hint) => reprotectToOnPremises(s, node, nodes, hint),
    'siteRecovery.testFailover': (node, nodes, hint) => testFailover(s, node, nodes, hint),
    'siteRecovery.cleanupTestFailover': (node, nodes, hint) => cleanupTestFailover(s, node, nodes, hint),
    'siteRecovery.failoverToAzure': (node, nodes, hint) => failoverToAzure(s, node, nodes, hint),
    'siteRecovery.exportRunReport': (node) => exportRunReport(s, docs, node),
    'siteRecovery.cancelJob': (node) => cancelJob(s, node),
    'siteRecovery.restartJob': (node) => restartJob(s, node),
    'siteRecovery.resumeJob': (node) => resumeJob(s, node),
    'siteRecovery.showJobOutput': (node) => showJobOutput(s, node),
    'siteRecovery.openInPortal': (node) => openInPortal(s, node),
    'siteRecovery.copyId': (node) => copyId(s, node),
    'siteRecovery.viewProperties': (node) => viewProperties(s, docs, node),
    'siteRecovery.filterItems': (node) => filterItems(s, node),
    'siteRecovery.deleteSeedDisks': (node, nodes) => deleteSeedDisks(s, node, nodes),
    'siteRecovery.showChecklist': (node) => showChecklist(s, node),
  };
  for (const id of COMMAND_IDS) context.subscriptions.push(vscode.commands.registerCommand(id, table[id]));
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PROPERTIES_SCHEME, docs),
    vscode.commands.registerCommand(RETRY_COMMAND, (node: TreeNode) => refresh(s, node)),
    vscode.commands.registerCommand(LOAD_MORE_COMMAND, async (node: ItemsFolderNode) => {
      await node.loadMore();
      s.tree.refresh(node);
    }),
  );
}
