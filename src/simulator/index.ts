import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { VirtualClock } from './clock';
import type { ChangeKind, SimConfig, SimContext } from './context';
import { Dispatcher, type RawRequest, type RawResponse, type RequestLogEntry } from './dispatcher';
import { FaultRegistry, type FaultSpec } from './faults';
import { createSimulatorHttpClient } from './http-client';
import type { HandlerContext } from './http-types';
import { MINUTE } from './ids';
import { JobEngine } from './jobs/engine';
import { jobView } from './jobs/job-view';
import { resolveScenario, listScenarios } from './scenarios';
import type { ScenarioData } from './scenarios/types';
import { itemView } from './state/item-view';
import { loadScenario } from './state/load-scenario';

export const SIMULATOR_ENDPOINT = 'https://management.simulator.invalid';

export interface SimulatorOptions {
  scenario?: string | ScenarioData;
  large?: { vaults?: number; fabrics?: number; containersPerFabric?: number; itemsPerContainer?: number };
  clock?: 'manual' | { speed: number };
  pageSize?: number;
  latencyMs?: number;
  retryAfterSeconds?: number;
  agentRegistrationMinutes?: number;
  jobDurationScale?: number;
  startTime?: Date;
}

export type { RequestLogEntry, FaultSpec, ScenarioData };
export { listScenarios };
export { ASR_ERROR_CODES, agentNotRegisteredError, noRecoveryPointError } from './errors';

type ChangeListener = (e: { kind: ChangeKind; id: string; time: number }) => void;

/** An ARM-faithful Azure Site Recovery service for the real SDK clients (practice mode and tests). */
export class SiteRecoverySimulator {
  readonly endpoint = SIMULATOR_ENDPOINT;
  readonly httpClient: HttpClient;
  readonly credential: TokenCredential;
  readonly subscriptionId: string;

  private readonly clock: VirtualClock;
  private readonly hc: HandlerContext;
  private readonly faults = new FaultRegistry();
  private readonly log: RequestLogEntry[] = [];
  private readonly dispatcher: Dispatcher;
  private readonly listeners = new Set<ChangeListener>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  static create(options: SimulatorOptions = {}): SiteRecoverySimulator {
    return new SiteRecoverySimulator(options);
  }

  private constructor(options: SimulatorOptions) {
    const start = (options.startTime ?? new Date()).getTime();
    this.clock = new VirtualClock(options.clock ?? { speed: 1 }, start);
    const data = resolveScenario(options.scenario, options.large);
    const store = loadScenario(data, start);
    const config: SimConfig = {
      pageSize: Math.max(1, Math.floor(options.pageSize ?? 100)),
      retryAfterSeconds: Math.max(0, options.retryAfterSeconds ?? 10),
      agentRegistrationMs: Math.max(0, options.agentRegistrationMinutes ?? 15) * MINUTE,
      jobDurationScale: Math.max(0, options.jobDurationScale ?? 1),
    };
    const ctx: SimContext = { store, clock: this.clock, config, emit: (kind, id, time) => this.emit(kind, id, time) };
    this.hc = { ...ctx, engine: new JobEngine(ctx) };
    this.dispatcher = new Dispatcher(this.hc, this.faults, this.log, Math.max(0, options.latencyMs ?? 0));
    this.subscriptionId = data.subscriptions[0]?.subscriptionId ?? '';
    this.httpClient = createSimulatorHttpClient((req) => this.handle(req));
    this.credential = {
      // Any bearer token is accepted; this one just has to look like a token to the SDK.
      getToken: async () => ({ token: 'simulator-token', expiresOnTimestamp: Date.now() + 60 * MINUTE, tokenType: 'Bearer' }),
    };
  }

  /**
   * Transport-free core. Never throws. A 'reset' fault answers status 0 with the header
   * `x-simulator-fault: reset` (the HTTP client turns it into ECONNRESET, the server destroys the socket).
   */
  async handle(req: RawRequest): Promise<RawResponse> {
    const res = await this.dispatcher.handle(req);
    this.scheduleTimer();
    return res;
  }

  now(): Date {
    return new Date(this.clock.now());
  }

  async advance(ms: number): Promise<void> {
    this.clock.jump(ms);
    this.hc.engine.process(this.clock.now());
    this.scheduleTimer();
    await new Promise((r) => setImmediate(r));
  }

  get requestLog(): readonly RequestLogEntry[] {
    return this.log;
  }

  clearRequestLog(): void {
    this.log.length = 0;
  }

  injectFault(f: FaultSpec): void {
    if (f.kind === 'stallJob') {
      this.hc.engine.stall(f.jobName);
    } else {
      this.faults.add(f);
    }
  }

  /** Removes pending faults and lets stalled jobs continue. */
  clearFaults(): void {
    this.faults.clear();
    this.hc.engine.unstallAll();
    this.scheduleTimer();
  }

  snapshot(): unknown {
    const { store } = this.hc;
    this.hc.engine.process(this.clock.now());
    return JSON.parse(
      JSON.stringify({
        time: new Date(this.clock.now()).toISOString(),
        vaults: [...store.vaults.values()],
        items: [...store.items.values()].flat().map((i) => itemView(this.hc, i)),
        jobs: store.allJobs().map((j) => jobView(this.hc, j)),
        disks: store.disks,
      }),
    );
  }

  onChange(listener: ChangeListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.listeners.clear();
  }

  private emit(kind: ChangeKind, id: string, time: number): void {
    for (const l of [...this.listeners]) {
      try {
        l({ kind, id, time });
      } catch {
        // A failing listener must not break the service.
      }
    }
  }

  /** With a running clock, wake up exactly when the next job transition is due. */
  private scheduleTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.disposed) {
      return;
    }
    const next = this.hc.engine.nextEventTime();
    const delay = next === undefined ? undefined : this.clock.realDelayUntil(next);
    if (delay === undefined) {
      return;
    }
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.hc.engine.process(this.clock.now());
        this.scheduleTimer();
      },
      Math.min(Math.ceil(delay), 2 ** 31 - 1),
    );
    this.timer.unref?.();
  }
}
