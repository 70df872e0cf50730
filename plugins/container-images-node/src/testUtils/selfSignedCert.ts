import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** @public */
export interface CertFiles {
  certFile: string;
  keyFile: string;
  certPem: string;
  keyPem: string;
}

/**
 * A self-signed P-256 certificate from openssl, for 127.0.0.1 (`<dir>/<name>.pem`
 * and `.key`). Serves as its own CA: a client trusts `certPem` and nothing else.
 *
 * @public
 */
export async function selfSignedCert(
  dir: string,
  name: string,
): Promise<CertFiles> {
  await fsp.mkdir(dir, { recursive: true });
  const certFile = path.join(dir, `${name}.pem`);
  const keyFile = path.join(dir, `${name}.key`);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-sha256',
    '-days',
    '2',
    '-subj',
    `/CN=diehard test ${name}`,
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  return {
    certFile,
    keyFile,
    certPem: await fsp.readFile(certFile, 'utf8'),
    keyPem: await fsp.readFile(keyFile, 'utf8'),
  };
}
