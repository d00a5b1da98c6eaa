/** The replicated-items filter of each vault (Filter Replicated Items…), by vault id. */
export class ItemFilters {
  private readonly byVault = new Map<string, string>();

  get(vaultId: string): string | undefined {
    return this.byVault.get(vaultId.toLowerCase());
  }

  set(vaultId: string, text: string | undefined): void {
    const t = text?.trim();
    if (t) this.byVault.set(vaultId.toLowerCase(), t);
    else this.byVault.delete(vaultId.toLowerCase());
  }
}
