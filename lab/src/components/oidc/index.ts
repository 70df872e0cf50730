import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { labPaths } from '../../paths';
import { LAB_HOST, LAB_PORTS } from '../../ports';
import { httpsRequest } from '../../util/https';
import { isAlive, readPid, startDaemon } from '../../util/process';
import { exists, readJson, writeJson } from '../../util/state';
import { ensureCa, issueCert } from '../../util/tls';
import { waitFor } from '../../util/wait';
import { oneDaemon } from '../daemon';
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

/** The client the portal signs in with; the lab's API server accepts its ID tokens. */
export const OIDC_CLIENT_ID = 'diehard-portal';

/**
 * The issuer, https://127.0.0.1:18443: HTTPS with a certificate of the lab CA, since
 * the Kubernetes API server only trusts an https issuer.
 */
export const oidcIssuer = () => `https://${LAB_HOST}:${LAB_PORTS.oidc}`;

export interface OidcEndpoint {
  /** The issuer, https://127.0.0.1:18443 (its certificate from the lab CA). */
  issuer: string;
  /** The lab CA, which clients of the issuer trust (NODE_EXTRA_CA_CERTS for a portal). */
  caFile: string;
  caPem: string;
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
  tls: path.join(dir, 'tls'),
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

async function discovers(issuer: string, ca: string): Promise<boolean> {
  const res = await httpsRequest(`${issuer}/.well-known/openid-configuration`, {
    ca,
    timeoutMs: 2000,
  });
  return (
    res.status === 200 && JSON.parse(res.body.toString()).issuer === issuer
  );
}

/** `lab up oidc`: an OpenID Provider for the demo users, on https://127.0.0.1:18443. */
export const oidcComponent: LabComponent<OidcEndpoint> = {
  name: 'oidc',

  async probe(ctx) {
    const e = await readJson<OidcEndpoint>(path.join(ctx.dir, 'endpoint.json'));
    // An endpoint of an older lab (plain HTTP) is restarted with TLS.
    if (!e?.caPem || e.issuer !== oidcIssuer()) return undefined;
    if (!isAlive(await readPid(files(ctx.dir).pid), SERVER)) return undefined;
    return (await discovers(e.issuer, e.caPem).catch(() => false))
      ? e
      : undefined;
  },

  async start(ctx) {
    const f = files(ctx.dir);
    const secrets = await secretsOf(ctx.dir);
    const host = LAB_HOST;
    const port = LAB_PORTS.oidc;
    const issuer = oidcIssuer();
    const clientId = OIDC_CLIENT_ID;
    const ca = await ensureCa(ctx.paths.stateDir);
    const caPem = await fsp.readFile(ca.caFile, 'utf8');
    const cert = {
      certFile: path.join(f.tls, 'provider.pem'),
      keyFile: path.join(f.tls, 'provider.key'),
    };
    if (!(await exists(cert.certFile))) {
      await issueCert(ca, f.tls, 'provider', {
        ips: [host],
        dns: ['localhost'],
      });
    }
    const redirectUris = [`http://localhost:7007${OIDC_CALLBACK_PATH}`];
    await writeJson(f.config, {
      issuer,
      host,
      port,
      tls: cert,
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
      async () => ((await discovers(issuer, caPem)) ? true : undefined),
      {
        timeoutMs: 30_000,
        intervalMs: 200,
        alive: () => isAlive(pid),
        logFile: f.log,
      },
    );
    return {
      issuer,
      caFile: ca.caFile,
      caPem,
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

  ...oneDaemon('oidc-provider', dir => ({
    pid: files(dir).pid,
    marker: SERVER,
  })),
};
