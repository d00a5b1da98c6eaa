import assert from 'node:assert/strict';
import manifest from '../../../package.json';

type Setting = { scope?: string; description?: string; markdownDescription?: string };
const settings = manifest.contributes.configuration.properties as Record<string, Setting>;

/** Settings that decide where requests and tokens go: a workspace must not be able to set them. */
const ROUTING = /cloud|auth|subscription|tenant|endpoint|account|environment|url|host|proxy|credential/i;
const SECRET = /token|secret|password|passw|pwd|key\b|apikey|credential|connectionstring|sas\b/i;

describe('security: manifest (settings, workspace trust)', () => {
  it('settings that change where requests go are application-scoped', () => {
    const routing = Object.keys(settings).filter((name) => ROUTING.test(name));
    assert.deepEqual(routing.sort(), ['siteRecovery.auth.method', 'siteRecovery.cloud', 'siteRecovery.subscriptions']);
    for (const name of routing) assert.equal(settings[name].scope, 'application', `${name} is application-scoped`);
  });

  it('no setting holds a secret', () => {
    for (const name of Object.keys(settings)) assert.ok(!SECRET.test(name.split('.').slice(1).join('.')), `${name} looks like a secret`);
  });

  it('declares how it behaves in untrusted and virtual workspaces', () => {
    const caps = manifest.capabilities as { untrustedWorkspaces?: { supported?: unknown; description?: string }; virtualWorkspaces?: unknown };
    assert.ok(caps.untrustedWorkspaces, 'capabilities.untrustedWorkspaces');
    assert.ok([true, false, 'limited'].includes(caps.untrustedWorkspaces.supported as never));
    if (caps.untrustedWorkspaces.supported !== false) assert.ok(caps.untrustedWorkspaces.description, 'says why it is safe untrusted');
    assert.notEqual(caps.virtualWorkspaces, undefined, 'capabilities.virtualWorkspaces');
  });
});
