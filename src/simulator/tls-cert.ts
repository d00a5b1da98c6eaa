import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSignedCert {
  keyPem: string;
  certPem: string;
  certPath: string;
}

/**
 * A throw-away self-signed certificate for 127.0.0.1 / localhost, made with the system's openssl
 * (a base package on Debian/Ubuntu/macOS) so the simulator needs no extra dependency.
 */
export function createSelfSignedCert(): SelfSignedCert {
  const dir = mkdtempSync(join(tmpdir(), 'asr-simulator-'));
  const keyPath = join(dir, 'simulator-key.pem');
  const certPath = join(dir, 'simulator-ca.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '7',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
      ],
      { stdio: 'pipe' },
    );
  } catch (e) {
    throw new Error(`Could not create a self-signed certificate with openssl (is it installed?): ${(e as Error).message}`);
  }
  return { keyPem: readFileSync(keyPath, 'utf8'), certPem: readFileSync(certPath, 'utf8'), certPath };
}
