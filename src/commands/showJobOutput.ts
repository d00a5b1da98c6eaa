import type { Services } from '../services';

export function showJobOutput(services: Services): void {
  services.log.show(true);
}
