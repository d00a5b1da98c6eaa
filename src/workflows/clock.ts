/**
 * Time as a workflow sees it. Real Azure uses the wall clock; the practice vault runs on the
 * simulator's faster virtual clock, so waits (the agent window, retry intervals) shrink too.
 */
export interface WorkflowClock {
  now(): number;
  /** Resolves after `ms` of this clock's time, or rejects with AbortError when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortError(): Error {
  const e = new Error('Aborted');
  e.name = 'AbortError';
  return e;
}

export function scaledClock(now: () => number, speed: number): WorkflowClock {
  return {
    now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        const timer = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.max(0, ms / Math.max(1, speed)),
        );
        const onAbort = () => {
          clearTimeout(timer);
          reject(abortError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

export const wallClock: WorkflowClock = scaledClock(() => Date.now(), 1);
