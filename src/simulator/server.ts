import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { RESET_HEADER } from './faults';
import type { SiteRecoverySimulator } from './index';
import { createSelfSignedCert } from './tls-cert';

export interface SimulatorServer {
  url: string;
  close(): Promise<void>;
  caCertPem: string;
}

/** Serves the simulator over HTTPS (self-signed certificate made at start) for curl, scripts and other processes. */
export async function startSimulatorServer(sim: SiteRecoverySimulator, opts: { port: number; host: '127.0.0.1' }): Promise<SimulatorServer & { caCertPath: string }> {
  const cert = createSelfSignedCert();
  const server = createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) {
          headers[k] = Array.isArray(v) ? v.join(', ') : v;
        }
      }
      const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
      void sim.handle({ method: req.method ?? 'GET', url: `https://${req.headers.host ?? opts.host}${req.url ?? '/'}`, headers, body }).then((out) => {
        if (out.headers[RESET_HEADER] === 'reset') {
          req.socket.destroy();
          return;
        }
        res.writeHead(out.status, out.headers);
        res.end(out.body);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://${opts.host}:${port}`,
    caCertPem: cert.certPem,
    caCertPath: cert.certPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
