import crypto from 'node:crypto';
import path from 'node:path';
import { labPaths } from '../../paths';
import { LAB_HOST, LAB_PORTS } from '../../ports';
import { httpGet } from '../../util/http';
import { isAlive, readPid, startDaemon, stopDaemon } from '../../util/process';
import { readJson, writeJson } from '../../util/state';
import { waitFor } from '../../util/wait';
import type { LabComponent } from '../types';

/** Backstage's OIDC callback; any loopback port is accepted with this path. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/handler/frame';

/** The demo users of examples/org.yaml who sign in through the lab's provider. */
export const OIDC_DEMO_USERS = [
  { email: 'alice@example.com', name: 'Alice Martin', team: 'dev-team' },
  { email: 'bruno@example.com', name: 'Bruno Lefèvre', team: 'ops-team' },
] as const;

export interface OidcUser {
  email: string;
  name: string;
  team: string;
  password: string;
}

export interface OidcEndpoint {
  /** The issuer, http://127.0.0.1:18443 (plain HTTP on loopback). */
  issuer: string;
  /** What Backstage's `auth.providers.oidc.*.metadataUrl` takes. */
  metadataUrl: string;
  host: string;
  port: number;
  clientId: string;
  clientSecret: string;
  /** Registered callbacks; `http://localhost:<any port>` + OIDC_CALLBACK_PATH too. */
  redirectUris: string[];
  users: OidcUser[];
}

const SERVER = path.join(
  labPaths().labDir,
  'src',
  'components',
  'oidc',
  'server.mjs',
);
const files = (dir: string) => ({
  secrets: path.join(dir, 'secrets.json'),
  config: path.join(dir, 'provider.json'),
  pid: path.join(dir, 'provider.pid'),
  log: path.join(dir, 'provider.log'),
});

interface Secrets {
  clientSecret: string;
  passwords: Record<string, string>;
  cookieKeys: string[];
  /** The private RS256 key, as a JWK with its kid. */
  signingKey: JsonWebKey & { kid: string };
}

const random = () => crypto.randomBytes(18).toString('base64url');

/** Generated once and kept, so a restart keeps passwords, client secret and keys. */
async function secretsOf(dir: string): Promise<Secrets> {
  const file = files(dir).secrets;
  const kept = await readJson<Secrets>(file);
  if (kept) return kept;
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const secrets: Secrets = {
    clientSecret: random(),
    passwords: Object.fromEntries(
      OIDC_DEMO_USERS.map(u => [u.email, random()]),
    ),
    cookieKeys: [random(), random()],
    signingKey: {
      ...privateKey.export({ format: 'jwk' }),
      kid: random(),
      use: 'sig',
      alg: 'RS256',
    },
  };
  await writeJson(file, secrets);
  return secrets;
}

async function discovers(issuer: string): Promise<boolean> {
  const res = await httpGet(`${issuer}/.well-known/openid-configuration`);
  return res.status === 200 && JSON.parse(res.body).issuer === issuer;
}

/** `lab up oidc`: an OpenID Provider for the demo users, on 127.0.0.1:18443. */
export const oidcComponent: LabComponent<OidcEndpoint> = {
  name: 'oidc',

  async probe(ctx) {
    const e = await readJson<OidcEndpoint>(path.join(ctx.dir, 'endpoint.json'));
    if (!e || !isAlive(await readPid(files(ctx.dir).pid), SERVER))
      return undefined;
    return (await discovers(e.issuer).catch(() => false)) ? e : undefined;
  },

  async start(ctx) {
    const f = files(ctx.dir);
    const secrets = await secretsOf(ctx.dir);
    const host = LAB_HOST;
    const port = LAB_PORTS.oidc;
    const issuer = `http://${host}:${port}`;
    const clientId = 'diehard-portal';
    const redirectUris = [`http://localhost:7007${OIDC_CALLBACK_PATH}`];
    await writeJson(f.config, {
      issuer,
      host,
      port,
      clientId,
      clientSecret: secrets.clientSecret,
      redirectUris,
      callbackPath: OIDC_CALLBACK_PATH,
      cookieKeys: secrets.cookieKeys,
      signingKey: secrets.signingKey,
      users: OIDC_DEMO_USERS.map(u => {
        const salt = crypto.randomBytes(16);
        return {
          email: u.email,
          name: u.name,
          salt: salt.toString('base64'),
          passwordHash: crypto
            .scryptSync(secrets.passwords[u.email], salt, 32)
            .toString('base64'),
        };
      }),
    });
    ctx.report(`oidc: starting on ${issuer}`);
    const pid = await startDaemon({
      command: process.execPath,
      args: [SERVER, f.config],
      cwd: ctx.dir,
      logFile: f.log,
      pidFile: f.pid,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    await waitFor(
      `oidc provider on ${issuer}`,
      async () => ((await discovers(issuer)) ? true : undefined),
      {
        timeoutMs: 30_000,
        intervalMs: 200,
        alive: () => isAlive(pid),
        logFile: f.log,
      },
    );
    return {
      issuer,
      metadataUrl: `${issuer}/.well-known/openid-configuration`,
      host,
      port,
      clientId,
      clientSecret: secrets.clientSecret,
      redirectUris,
      users: OIDC_DEMO_USERS.map(u => ({
        ...u,
        password: secrets.passwords[u.email],
      })),
    };
  },

  async stop(ctx) {
    await stopDaemon(files(ctx.dir).pid, { expect: SERVER });
  },

  async processes(ctx) {
    const pid = await readPid(files(ctx.dir).pid);
    return [{ name: 'oidc-provider', pid, alive: isAlive(pid, SERVER) }];
  },
};
