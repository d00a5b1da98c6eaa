import type { DisposableLike } from './types';

/** A minimal event emitter shaped like vscode.EventEmitter, usable without VS Code. */
export class Emitter<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>();

  /** Subscribe; the returned object unsubscribes. */
  readonly event = (listener: (...args: A) => void): DisposableLike => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(...args: A): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch {
        // A failing listener (UI) must not stop the tracker or the other listeners.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
