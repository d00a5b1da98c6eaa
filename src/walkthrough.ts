// The walkthrough "Fail back VMware VMs from Azure": which steps this session completed, and
// ticking them. Ticking goes two ways: the step's onContext completion event (the context key
// flips false → true, so a repeated completion is a change too) and VS Code's own
// welcome.markStepComplete, because VS Code swallows an onContext event whose key is already
// true when it registers the walkthrough, which it does lazily.
import * as vscode from 'vscode';
import { walkthroughStepIds } from './walkthroughSteps';

export type WalkthroughStep =
  | 'reprotectToOnPremises'
  | 'failover'
  | 'commit'
  | 'reprotect'
  | 'practice'
  | 'seedDisks'
  | 'checklist'
  | 'testFailover'
  | 'cleanupTestFailover'
  | 'failoverToAzure'
  | 'commitInAzure';

export class Walkthrough {
  private readonly done = new Set<WalkthroughStep>();

  constructor(private readonly extensionId: string) {}

  /** Steps completed in this session. */
  get completed(): ReadonlySet<WalkthroughStep> {
    return this.done;
  }

  complete(step: WalkthroughStep): void {
    this.done.add(step);
    const key = `siteRecovery.walkthrough.${step}`;
    void vscode.commands.executeCommand('setContext', key, false).then(() => vscode.commands.executeCommand('setContext', key, true));
    for (const id of walkthroughStepIds(this.extensionId, step)) {
      // Best effort: a host without VS Code's welcome page has no such command.
      void Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', id)).catch(() => undefined);
    }
  }
}
