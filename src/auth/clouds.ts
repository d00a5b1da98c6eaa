// Azure clouds: Resource Manager endpoint, portal and the VS Code authentication provider
// that signs in to them. Sovereign clouds use VS Code's "microsoft-sovereign-cloud"
// provider, configured by its own `microsoft-sovereign-cloud.environment` setting.

export interface CloudInfo {
  name: 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';
  resourceManager: string;
  portal: string;
  authProvider: 'microsoft' | 'microsoft-sovereign-cloud';
  /** Scope for Resource Manager tokens. */
  scope: string;
}

export const CLOUDS: Record<CloudInfo['name'], CloudInfo> = {
  AzureCloud: {
    name: 'AzureCloud',
    resourceManager: 'https://management.azure.com',
    portal: 'https://portal.azure.com',
    authProvider: 'microsoft',
    scope: 'https://management.core.windows.net//.default',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManager: 'https://management.chinacloudapi.cn',
    portal: 'https://portal.azure.cn',
    authProvider: 'microsoft-sovereign-cloud',
    scope: 'https://management.core.chinacloudapi.cn//.default',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    resourceManager: 'https://management.usgovcloudapi.net',
    portal: 'https://portal.azure.us',
    authProvider: 'microsoft-sovereign-cloud',
    scope: 'https://management.core.usgovcloudapi.net//.default',
  },
};

/** Maps the sovereign-cloud extension's environment names to ours; anything else is public Azure. */
export function cloudFromEnvironment(environment: string | undefined): CloudInfo {
  switch ((environment ?? '').toLowerCase()) {
    case 'chinacloud':
    case 'azurechinacloud':
      return CLOUDS.AzureChinaCloud;
    case 'usgovernment':
    case 'azureusgovernment':
      return CLOUDS.AzureUSGovernment;
    default:
      return CLOUDS.AzureCloud;
  }
}
