import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { LAB_HOST, LAB_PORTS } from '../ports';
import { httpsRequest } from '../util/https';
import {
  chownTree,
  isAlive,
  run,
  runningEndpoint,
  serviceUser,
  startDaemon,
} from '../util/process';
import { ensurePassword, exists } from '../util/state';
import { ensureCa, issueCert } from '../util/tls';
import { waitFor } from '../util/wait';
import { oneDaemon } from './daemon';
import type { LabComponent } from './types';

export interface RegistryEndpoint {
  /** "127.0.0.1:15000", as in image references (`127.0.0.1:15000/team/app:1.0`). */
  host: string;
  /** https://127.0.0.1:15000 */
  url: string;
  username: string;
  password: string;
  /** The lab CA that signed the registry's certificate. */
  caFile: string;
  caPem: string;
}

const USERNAME = 'diehard';
const COMMAND = '/usr/bin/docker-registry';

const files = (dir: string) => ({
  config: path.join(dir, 'config.yml'),
  htpasswd: path.join(dir, 'htpasswd'),
  password: path.join(dir, 'password'),
  data: path.join(dir, 'data'),
  pid: path.join(dir, 'registry.pid'),
  log: path.join(dir, 'registry.log'),
  endpoint: path.join(dir, 'endpoint.json'),
});

/** The registry answers /v2/ with 401 to an anonymous client and 200 to ours. */
async function healthy(e: RegistryEndpoint) {
  const anonymous = await httpsRequest(`${e.url}/v2/`, {
    ca: e.caPem,
    timeoutMs: 2000,
  });
  if (anonymous.status !== 401) return false;
  const auth = Buffer.from(`${e.username}:${e.password}`).toString('base64');
  const ok = await httpsRequest(`${e.url}/v2/`, {
    ca: e.caPem,
    headers: { Authorization: `Basic ${auth}` },
    timeoutMs: 2000,
  });
  return ok.status === 200;
}

export const registryComponent: LabComponent<RegistryEndpoint> = {
  name: 'registry',

  async probe(ctx) {
    return runningEndpoint(files(ctx.dir), healthy);
  },

  async start(ctx) {
    const f = files(ctx.dir);
    const host = LAB_HOST;
    const port = LAB_PORTS.registry;
    const user = serviceUser('docker-registry');
    const ca = await ensureCa(ctx.paths.stateDir);
    const tls = path.join(ctx.dir, 'tls');
    if (!(await exists(path.join(tls, 'registry.pem')))) {
      ctx.report('registry: issuing its TLS certificate from the lab CA');
      await issueCert(ca, tls, 'registry', { ips: [host], dns: ['localhost'] });
    }
    const password = await ensurePassword(f.password);
    // The registry accepts bcrypt entries only.
    await run('htpasswd', ['-B', '-b', '-c', f.htpasswd, USERNAME, password]);
    await fsp.mkdir(f.data, { recursive: true });
    await fsp.writeFile(
      f.config,
      YAML.stringify({
        version: 0.1,
        log: { level: 'info', formatter: 'text' },
        storage: {
          filesystem: { rootdirectory: f.data },
          delete: { enabled: true },
          maintenance: { uploadpurging: { enabled: false } },
        },
        http: {
          addr: `${host}:${port}`,
          secret: crypto.randomBytes(16).toString('hex'),
          tls: {
            certificate: path.join(tls, 'registry.pem'),
            key: path.join(tls, 'registry.key'),
          },
          headers: { 'X-Content-Type-Options': ['nosniff'] },
        },
        auth: { htpasswd: { realm: 'diehard-lab', path: f.htpasswd } },
      }),
    );
    await chownTree(ctx.dir, user);

    ctx.report(`registry: starting on https://${host}:${port}`);
    const pid = await startDaemon({
      command: COMMAND,
      args: ['serve', f.config],
      cwd: ctx.dir,
      logFile: f.log,
      pidFile: f.pid,
      user,
    });
    const endpoint: RegistryEndpoint = {
      host: `${host}:${port}`,
      url: `https://${host}:${port}`,
      username: USERNAME,
      password,
      caFile: ca.caFile,
      caPem: await fsp.readFile(ca.caFile, 'utf8'),
    };
    await waitFor(
      `registry on ${endpoint.url}`,
      async () => ((await healthy(endpoint)) ? true : undefined),
      {
        timeoutMs: 30_000,
        alive: () => isAlive(pid),
        logFile: f.log,
      },
    );
    return endpoint;
  },

  ...oneDaemon('docker-registry', dir => ({
    pid: files(dir).pid,
    marker: files(dir).config,
  })),
};
