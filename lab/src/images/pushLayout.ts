import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RegistryEndpoint } from '../components/registry';
import { httpsRequest } from '../util/https';
import { run } from '../util/process';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

function basicAuth(registry: RegistryEndpoint) {
  return `Basic ${Buffer.from(
    `${registry.username}:${registry.password}`,
  ).toString('base64')}`;
}

/** The digest `repository:reference` has in the registry, if it exists. */
export async function registryDigest(
  registry: RegistryEndpoint,
  repository: string,
  reference: string,
): Promise<string | undefined> {
  const res = await httpsRequest(
    `${registry.url}/v2/${repository}/manifests/${reference}`,
    {
      method: 'HEAD',
      ca: registry.caPem,
      headers: { Authorization: basicAuth(registry), Accept: MANIFEST_TYPES },
      timeoutMs: 10_000,
    },
  );
  if (res.status === 404) return undefined;
  if (res.status !== 200) {
    throw new Error(
      `registry ${registry.host}: HEAD ${repository}:${reference} answered ${res.status}`,
    );
  }
  return String(res.headers['docker-content-digest']);
}

/**
 * Copies `tag` of an OCI layout to `registry/repository:tag` with Debian's skopeo,
 * digests preserved. Credentials go through a 0600 auth file, never argv or logs.
 */
export async function pushLayout(
  layoutDir: string,
  tag: string,
  registry: RegistryEndpoint,
  repository: string,
): Promise<void> {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-images-'));
  try {
    const authFile = path.join(work, 'auth.json');
    await fsp.writeFile(
      authFile,
      JSON.stringify({
        auths: { [registry.host]: { auth: basicAuth(registry).slice(6) } },
      }),
      { mode: 0o600 },
    );
    const certDir = path.join(work, 'certs');
    await fsp.mkdir(certDir);
    await fsp.writeFile(path.join(certDir, 'lab-ca.crt'), registry.caPem);
    await run(
      'skopeo',
      [
        'copy',
        '--quiet',
        '--preserve-digests',
        '--dest-authfile',
        authFile,
        '--dest-cert-dir',
        certDir,
        `oci:${layoutDir}:${tag}`,
        `docker://${registry.host}/${repository}:${tag}`,
      ],
      { env: { PATH: process.env.PATH, HOME: work }, timeoutMs: 10 * 60_000 },
    );
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}
