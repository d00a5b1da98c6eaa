import { listScenarios, SiteRecoverySimulator } from './index';
import { startSimulatorServer } from './server';

/** `npm run simulator -- [--port N] [--scenario NAME] [--latency-ms N] [--speed X]` */
function parseArgs(argv: string[]): { port: number; scenario: string; latencyMs: number; speed: number } {
  const out = { port: 8443, scenario: 'failback-classic', latencyMs: 0, speed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--port':
        out.port = Number(value);
        i++;
        break;
      case '--scenario':
        out.scenario = String(value);
        i++;
        break;
      case '--latency-ms':
        out.latencyMs = Number(value);
        i++;
        break;
      case '--speed':
        out.speed = Number(value);
        i++;
        break;
      case '--help':
        process.stdout.write(`Usage: npm run simulator -- [--port N] [--scenario ${listScenarios().join('|')}] [--latency-ms N] [--speed X]\n`);
        process.exit(0);
    }
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535 || !(out.speed > 0) || !(out.latencyMs >= 0)) {
    process.stderr.write('Invalid --port, --speed or --latency-ms value.\n');
    process.exit(2);
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sim = SiteRecoverySimulator.create({ scenario: args.scenario, latencyMs: args.latencyMs, clock: { speed: args.speed } });
  const server = await startSimulatorServer(sim, { port: args.port, host: '127.0.0.1' });
  process.stdout.write(
    [
      `SIMULATOR_URL=${server.url}`,
      `Scenario: ${args.scenario}; subscription ${sim.subscriptionId}; clock speed ${args.speed}x.`,
      `Self-signed CA certificate: ${server.caCertPath}`,
      `Trust it in Node:   export NODE_EXTRA_CA_CERTS=${server.caCertPath}`,
      `Try it:             curl --cacert ${server.caCertPath} -H "Authorization: Bearer x" "${server.url}/subscriptions?api-version=2022-12-01"`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    sim.dispose();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Simulator failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
