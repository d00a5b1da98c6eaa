import * as vscode from 'vscode';
import type { SiteRecoverySimulator } from '../simulator';
import { Scope } from '../scope';
import { scaledClock } from '../workflows/clock';

export const PRACTICE_SCOPE_KEY = 'practice';

/** 'large' (5,000 VMs) is not offered in the picker; tests and demos open it by argument. */
export type PracticeScenario = 'failback-classic' | 'failback-modernized' | 'large';

/**
 * Practice mode: an in-process Site Recovery simulator that the real SDK talks to. It never
 * touches Azure and needs no sign-in. Its virtual clock runs faster than real time (setting
 * siteRecovery.practice.speed) so a failback drill takes minutes instead of an hour.
 */
export class PracticeMode implements vscode.Disposable {
  private simulator?: SiteRecoverySimulator;
  private current?: Scope;
  private scenarioName?: PracticeScenario;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** A new speed applies from the next open or reset (the vault's clock is anchored at its start): said so when it changes. */
  private readonly speedWatch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!this.simulator || !e.affectsConfiguration('siteRecovery.practice.speed')) return;
    const reset = 'Reset Practice Vault';
    void vscode.window
      .showInformationMessage('The practice vault runs at the new speed once it is reset (its VMs start over).', reset, 'Later')
      .then((a) => a === reset && vscode.commands.executeCommand('siteRecovery.resetPracticeVault'));
  });

  get scope(): Scope | undefined {
    return this.current;
  }

  get scenario(): PracticeScenario | undefined {
    return this.scenarioName;
  }

  get sim(): SiteRecoverySimulator | undefined {
    return this.simulator;
  }

  async open(scenario: PracticeScenario): Promise<Scope> {
    this.close(false);
    const config = vscode.workspace.getConfiguration('siteRecovery.practice');
    const speed = Math.max(1, Number(config.get<number>('speed', 60)) || 60);
    const { SiteRecoverySimulator } = await import('../simulator');
    // Retry-After on the simulator's 202s is virtual time; a fast clock shortens it.
    const sim = SiteRecoverySimulator.create({ scenario, clock: { speed }, retryAfterSeconds: 0 });
    this.simulator = sim;
    this.scenarioName = scenario;
    // The practice vault's own clock: waits (agent window, retries) and time windows run on it.
    this.current = new Scope(
      PRACTICE_SCOPE_KEY,
      'Practice (simulated)',
      { credential: sim.credential, endpoint: sim.endpoint, httpClient: sim.httpClient, practice: true },
      scaledClock(() => sim.now().getTime(), speed),
    );
    this.changed.fire();
    return this.current;
  }

  close(fire = true): void {
    this.current?.dispose();
    this.simulator?.dispose();
    this.simulator = undefined;
    this.current = undefined;
    this.scenarioName = undefined;
    if (fire) this.changed.fire();
  }

  dispose(): void {
    this.speedWatch.dispose();
    this.close(false);
    this.changed.dispose();
  }
}
