import { idKey } from '../domain/armId';
/**
 * Guards against sending the same destructive request twice: a double-click, a second
 * window of the same command, a retry while the first POST is still on the wire. Keys are
 * ARM ids (lower-cased); a key stays held until the request has been answered.
 */
export class InFlight {
  private readonly held = new Set<string>();

  tryHold(id: string): boolean {
    const key = idKey(id);
    if (this.held.has(key)) return false;
    this.held.add(key);
    return true;
  }

  release(id: string): void {
    this.held.delete(idKey(id));
  }
}
