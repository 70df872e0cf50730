import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import tls from 'node:tls';
import { withLock } from './lock';
import { run } from './process';
import { exists } from './state';

/** The lab's own certificate authority; clients trust `caFile`. */
export interface LabCa {
  caFile: string;
  keyFile: string;
}

/** Creates the lab CA in `<stateDir>/ca` on first use (once, under a lock). */
export async function ensureCa(stateDir: string): Promise<LabCa> {
  const dir = path.join(stateDir, 'ca');
  const ca = {
    caFile: path.join(dir, 'ca.pem'),
    keyFile: path.join(dir, 'ca.key'),
  };
  return withLock(stateDir, 'ca', async () => {
    if (await exists(ca.caFile)) return ca;
    await fsp.mkdir(dir, { recursive: true });
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '3650',
      '-subj',
      '/CN=Diehard HA lab CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout',
      ca.keyFile,
      '-out',
      `${ca.caFile}.tmp`,
    ]);
    await fsp.rename(`${ca.caFile}.tmp`, ca.caFile);
    return ca;
  });
}

export interface IssuedCert {
  certFile: string;
  keyFile: string;
}

/**
 * Issues a certificate signed by the lab CA into `<dir>/<name>.pem` and `.key`, with
 * the given IP and DNS subject alternative names, good for server and client auth.
 */
export async function issueCert(
  ca: LabCa,
  dir: string,
  name: string,
  sans: { ips?: string[]; dns?: string[]; subject?: string },
): Promise<IssuedCert> {
  await fsp.mkdir(dir, { recursive: true });
  const out = {
    certFile: path.join(dir, `${name}.pem`),
    keyFile: path.join(dir, `${name}.key`),
  };
  const csr = path.join(dir, `${name}.csr`);
  const ext = path.join(dir, `${name}.ext`);
  const altNames = [
    ...(sans.ips ?? []).map(ip => `IP:${ip}`),
    ...(sans.dns ?? []).map(d => `DNS:${d}`),
  ];
  await fsp.writeFile(
    ext,
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      altNames.length ? `subjectAltName=${altNames.join(',')}` : '',
    ].join('\n'),
  );
  await run('openssl', [
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-sha256',
    '-subj',
    sans.subject ?? `/CN=${name}`,
    '-keyout',
    out.keyFile,
    '-out',
    csr,
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-sha256',
    '-days',
    '825',
    '-in',
    csr,
    '-CA',
    ca.caFile,
    '-CAkey',
    ca.keyFile,
    '-set_serial',
    `0x${crypto.randomBytes(16).toString('hex')}`,
    '-extfile',
    ext,
    '-out',
    out.certFile,
  ]);
  await Promise.all([fsp.rm(csr), fsp.rm(ext)]);
  return out;
}

/**
 * Trusts the lab CA in this process too (https and fetch), beside the CAs it already
 * trusts: for a test talking to the lab's HTTPS OpenID Provider. A child process
 * needs NODE_EXTRA_CA_CERTS=<caFile> instead.
 */
export function trustLabCa(caPem: string) {
  const current = tls.getCACertificates('default');
  if (!current.some(c => c.trim() === caPem.trim()))
    tls.setDefaultCACertificates([...current, caPem]);
}
