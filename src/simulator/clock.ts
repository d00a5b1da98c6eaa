/**
 * Virtual time. In 'manual' mode time moves only when the owner calls advance(); with a speed,
 * virtual time runs `speed` times faster than real time (and advance() still jumps it forward).
 */
export type ClockMode = 'manual' | { speed: number };

export class VirtualClock {
  private readonly realOrigin = Date.now();
  private jumped = 0;

  constructor(
    readonly mode: ClockMode,
    private readonly virtualOrigin: number,
  ) {}

  get speed(): number | undefined {
    return this.mode === 'manual' ? undefined : this.mode.speed;
  }

  now(): number {
    const running = this.speed === undefined ? 0 : (Date.now() - this.realOrigin) * this.speed;
    return Math.floor(this.virtualOrigin + running + this.jumped);
  }

  jump(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) {
      this.jumped += ms;
    }
  }

  /** Real milliseconds until the virtual time `at`, or undefined when only advance() gets there. */
  realDelayUntil(at: number): number | undefined {
    const speed = this.speed;
    if (speed === undefined || speed <= 0) {
      return undefined;
    }
    return Math.max(0, (at - this.now()) / speed);
  }
}
