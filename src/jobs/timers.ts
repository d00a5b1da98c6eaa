/**
 * The tracker's only way to wait. Tests pass a manual implementation so that hours of
 * Site Recovery job time pass in milliseconds; the extension uses the real one.
 * A callback may return a promise (a poll); manual timers await it before moving on.
 */
export interface Timers {
  setTimeout(callback: () => unknown, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(() => void callback(), ms);
    // A pending poll must not keep a test process or an extension host alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
