import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { freePort } from '@diehard/lab';
import { RegistryEndpoint } from '../registry/RegistryClient';
import { CertFiles, selfSignedCert } from '../testUtils/selfSignedCert';
import { TokenServer, TokenUser } from './TokenServer';

/** Debian's docker-registry, the binary the lab's shared registry runs too. */
const REGISTRY_BINARY = '/usr/bin/docker-registry';
const SERVICE = 'diehard-test-registry';
const ISSUER = 'diehard-test-token-server';

/**
 * A docker-registry process of a test's own (not the lab's shared one, which other
 * suites use): its own port, storage and TLS certificate, with token
 * authentication through a `TokenServer` holding `users`. A test may SIGKILL it and
 * start it again on the same port and storage.
 */
export class OwnRegistry {
  readonly host: string;
  private child?: ChildProcess;
  private log = '';

  private constructor(
    readonly dir: string,
    port: number,
    private readonly tls: CertFiles,
    readonly tokens: TokenServer,
  ) {
    this.host = `127.0.0.1:${port}`;
  }

  static async start(users: Record<string, TokenUser>): Promise<OwnRegistry> {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-registry-'));
    const [tls, signing, port] = await Promise.all([
      selfSignedCert(dir, 'tls'),
      selfSignedCert(dir, 'token-signing'),
      freePort(),
    ]);
    const tokens = new TokenServer({
      tls,
      signing,
      issuer: ISSUER,
      service: SERVICE,
      users,
    });
    const realm = await tokens.start();
    await fsp.writeFile(
      path.join(dir, 'config.yml'),
      YAML.stringify({
        version: 0.1,
        log: { level: 'info', formatter: 'text' },
        storage: {
          filesystem: { rootdirectory: path.join(dir, 'data') },
          delete: { enabled: true },
          maintenance: { uploadpurging: { enabled: false } },
        },
        http: {
          addr: `127.0.0.1:${port}`,
          secret: crypto.randomBytes(16).toString('hex'),
          tls: { certificate: tls.certFile, key: tls.keyFile },
        },
        auth: {
          token: {
            realm,
            service: SERVICE,
            issuer: ISSUER,
            rootcertbundle: signing.certFile,
          },
        },
      }),
    );
    const registry = new OwnRegistry(dir, port, tls, tokens);
    await registry.restart();
    return registry;
  }

  /** How a RegistryClient reaches it as `user`. */
  endpoint(user: { username: string; password: string }): RegistryEndpoint {
    return { name: 'own', host: this.host, ca: this.tls.certPem, ...user };
  }

  /** Where the registry keeps upload sessions of `repository` in progress. */
  uploadsDir(repository: string) {
    return path.join(
      this.dir,
      'data/docker/registry/v2/repositories',
      repository,
      '_uploads',
    );
  }

  /** Starts the process (again, on the same port and storage) and waits until it answers. */
  async restart(): Promise<void> {
    this.log = '';
    const child = spawn(REGISTRY_BINARY, ['serve', 'config.yml'], {
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (c: Buffer) => {
      this.log = (this.log + c.toString()).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', code =>
        reject(
          new Error(
            `docker-registry exited (${code}) on start:\n${this.log.trim()}`,
          ),
        ),
      ),
    );
    exited.catch(() => {});
    const deadline = Date.now() + 30_000;
    // Answers /v2/ with the token challenge once it listens.
    while ((await Promise.race([this.ping(), exited])) !== 401) {
      if (Date.now() > deadline)
        throw new Error(`docker-registry did not answer on ${this.host}`);
      await new Promise(r => setTimeout(r, 50));
    }
  }

  /** SIGKILL: no shutdown, whatever was in flight is cut. Resolves once it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise(r => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }

  async stop() {
    await this.kill();
    await this.tokens.stop();
    await fsp.rm(this.dir, { recursive: true, force: true });
  }

  private ping(): Promise<number | undefined> {
    return new Promise(resolve => {
      const req = https.get(
        `https://${this.host}/v2/`,
        { ca: this.tls.certPem, timeout: 2000 },
        res => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', () => resolve(undefined));
      req.on('timeout', () => req.destroy());
    });
  }
}

/** Total bytes of the upload sessions in progress under `dir` (0 when none). */
export function bytesInUploads(dir: string): number {
  let total = 0;
  let sessions: string[] = [];
  try {
    sessions = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const s of sessions) {
    try {
      total += fs.statSync(path.join(dir, s, 'data')).size;
    } catch {
      // session just opened or closed
    }
  }
  return total;
}
