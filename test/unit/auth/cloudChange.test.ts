// Changing siteRecovery.cloud drops the scopes of the old cloud and refreshes the tree, through
// the services as activate() builds them; VS Code's settings and accounts are the fake's.
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode';
import { activateServices } from '../support/activateServices';

const vscode = useFakeVscode();

const TENANT = '72f988bf-0000-4000-8000-0000000000aa';

const activate = activateServices;

describe('changing siteRecovery.cloud', () => {
  let app: ReturnType<typeof activate>;
  beforeEach(() => {
    vscode.reset();
    vscode.setSetting('siteRecovery.cloud', 'AzureCloud');
    vscode.sessions.set('microsoft', { accessToken: 'public-cloud-token' });
    app = activate();
  });
  afterEach(() => app.dispose());

  it('drops the old cloud’s scopes: no job of the old cloud is polled through the new one', () => {
    const { services } = app;
    assert.equal(services.roots.azure.key, 'azure:AzureCloud:home');
    assert.ok(services.scope(`azure:AzureCloud:${TENANT}`), 'a tenant scope of the configured cloud');

    vscode.setSetting('siteRecovery.cloud', 'AzureChinaCloud');

    assert.equal(services.roots.azure.key, 'azure:AzureChinaCloud:home');
    assert.equal(services.roots.azure.clients.connection.endpoint, 'https://management.chinacloudapi.cn');
    assert.equal(services.scope('azure:AzureCloud:home'), undefined);
    assert.equal(services.scope(`azure:AzureCloud:${TENANT}`), undefined);
    assert.equal(services.scope(`azure:AzureChinaCloud:${TENANT}`)?.clients.connection.endpoint, 'https://management.chinacloudapi.cn');
  });

  it('refreshes the whole tree, which then offers the new cloud’s sign-in', async () => {
    const { services } = app;
    const refreshed: unknown[] = [];
    services.tree.onDidChangeTreeData((node) => void refreshed.push(node));

    vscode.setSetting('siteRecovery.cloud', 'AzureUSGovernment');

    assert.deepEqual(refreshed, [undefined], 'one full refresh');
    // Signed in to public Azure only: nothing shows, so the welcome view offers the sign-in.
    assert.deepEqual(await services.tree.getChildren(), []);
  });

  it('a new sign-in method drops the scopes too; other settings leave them alone', () => {
    const { services } = app;
    const before = services.roots.azure;
    vscode.setSetting('siteRecovery.jobs.pollIntervalSeconds', 30);
    assert.equal(services.roots.azure, before);
    vscode.setSetting('siteRecovery.auth.method', 'azureIdentity');
    assert.notEqual(services.roots.azure, before);
  });
});
