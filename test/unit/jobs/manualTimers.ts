import type { Timers } from '../../../src/jobs/timers';

interface Pending {
  id: number;
  at: number;
  callback: () => unknown;
}

/**
 * Timers that run only when the test advances them. Each callback's promise (a poll) is
 * awaited before time moves on, and `onElapse` moves the simulator's clock in step, so
 * Site Recovery job time and the tracker's poll schedule stay in sync.
 */
export class ManualTimers implements Timers {
  private time = 0;
  private seq = 0;
  private pending: Pending[] = [];
  /** Every delay the code under test asked for, in order. */
  readonly requested: number[] = [];

  constructor(private readonly onElapse: (ms: number) => unknown = () => undefined) {}

  setTimeout(callback: () => unknown, ms: number): unknown {
    const id = ++this.seq;
    this.pending.push({ id, at: this.time + ms, callback });
    this.requested.push(ms);
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  get size(): number {
    return this.pending.length;
  }

  /** Delay until the next pending timer, or undefined when none. */
  nextDelay(): number | undefined {
    const next = this.earliest();
    return next ? next.at - this.time : undefined;
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > end) break;
      await this.elapse(next.at - this.time);
      this.pending = this.pending.filter((p) => p !== next);
      await next.callback();
    }
    await this.elapse(end - this.time);
  }

  private earliest(): Pending | undefined {
    return this.pending.reduce<Pending | undefined>((a, p) => (!a || p.at < a.at ? p : a), undefined);
  }

  private async elapse(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.time += ms;
    await this.onElapse(ms);
  }
}
