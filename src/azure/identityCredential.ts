import type { TokenCredential } from '@azure/core-auth';

/**
 * Azure CLI, then environment credentials, for machines where VS Code accounts are not
 * usable (opt-in setting). @azure/identity is loaded only when a token is first asked for.
 */
export function lazyIdentityCredential(): TokenCredential {
  let inner: Promise<TokenCredential> | undefined;
  return {
    async getToken(scopes, options) {
      inner ??= import('@azure/identity').then((id) => new id.ChainedTokenCredential(new id.AzureCliCredential(), new id.EnvironmentCredential()));
      return (await inner).getToken(scopes, options);
    },
  };
}
