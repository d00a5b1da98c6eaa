// The services as activate() builds them, over the fake VS Code (call useFakeVscode() first):
// an in-memory globalState and a subscriptions list that dispose() releases.
import type { Services } from '../../../src/services';

export function activateServices(): { services: Services; dispose(): void } {
  const { createServices } = require('../../../src/createServices') as typeof import('../../../src/createServices');
  const memento = new Map<string, unknown>();
  const subscriptions: Array<{ dispose(): void }> = [];
  const context = {
    subscriptions,
    extension: { id: 'site-recovery-tools.vscode-site-recovery' },
    globalState: {
      get: <T>(key: string, fallback?: T) => (memento.has(key) ? (memento.get(key) as T) : fallback),
      update: async (key: string, value: unknown) => void memento.set(key, value),
    },
  };
  const services = createServices(context as never);
  return { services, dispose: () => subscriptions.forEach((s) => s.dispose()) };
}
