import { idKey } from '../domain/armId';
/** The replicated-items filter of each vault (Filter Replicated Items…), by vault id. */
export class ItemFilters {
  private readonly byVault = new Map<string, string>();

  get(vaultId: string): string | undefined {
    return this.byVault.get(idKey(vaultId));
  }

  set(vaultId: string, text: string | undefined): void {
    const t = text?.trim();
    if (t) this.byVault.set(idKey(vaultId), t);
    else this.byVault.delete(idKey(vaultId));
  }
}
