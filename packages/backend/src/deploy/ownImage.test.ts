import { ChildProcess, execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  dropDatabasesWithPrefix,
  freePort,
  labRegistryClient,
  useLab,
} from '@diehard/lab';
import {
  ImageManifest,
  OciLayout,
  pullImage,
  RegistryClient,
} from '@diehard/plugin-container-images-node';
import { stringify } from 'yaml';
import {
  buildDiehardImage,
  DiehardImage,
  IMAGE_REPOSITORY,
} from './__testUtils__/image/buildDiehardImage';
import { productionEnv } from '../__testUtils__/productionEnv';

/**
 * Diehard's own image, built by our native builder from packages/backend/dist (built
 * when missing, reused otherwise) and pushed to the lab's registry. There is no container
 * runtime here: the "container" is the image's layers pulled back from the registry,
 * unpacked into a folder and run with `chroot --userspec=1000:1000` from the image's
 * entrypoint, command, working directory and environment: the image's own Node, libc and
 * files, as its own non-root user, on the host's network (the lab's PostgreSQL).
 */
jest.setTimeout(60 * 60_000);

const exec = promisify(execFile);

interface ImageConfig {
  config: {
    User?: string;
    Entrypoint?: string[];
    Cmd?: string[];
    Env?: string[];
    WorkingDir?: string;
    ExposedPorts?: Record<string, object>;
    Labels?: Record<string, string>;
  };
}

let lab: Awaited<ReturnType<typeof useLab<'registry' | 'postgres'>>>;
let image: DiehardImage;
let client: RegistryClient;

beforeAll(async () => {
  lab = await useLab(['registry', 'postgres']);
  image = await buildDiehardImage({ registry: lab.registry });
  client = labRegistryClient(lab.registry);
});

afterAll(() => client?.close());

async function registryJson<T>(digest: string): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const c of await client.openBlob(IMAGE_REPOSITORY, digest))
    chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

it('is in the registry under its tag, runs as a non-root user on port 7007 with the production config', async () => {
  const pushed = await client.getManifest(IMAGE_REPOSITORY, image.tag);
  expect(pushed.digest).toBe(image.digest);
  const manifest = JSON.parse(pushed.bytes.toString('utf8')) as ImageManifest;
  // The runtime base (one Debian layer) and the three layers of the portal.
  expect(manifest.layers).toHaveLength(4);
  const { config } = await registryJson<ImageConfig>(manifest.config.digest);
  expect(config.User).toBe('1000:1000');
  expect([...config.Entrypoint!, ...config.Cmd!]).toEqual([
    'node',
    'packages/backend',
    '--config',
    'app-config.yaml',
    '--config',
    'app-config.production.yaml',
  ]);
  expect(config.WorkingDir).toBe('/app');
  expect(Object.keys(config.ExposedPorts ?? {})).toEqual(['7007/tcp']);
  expect(config.Env).toEqual(
    expect.arrayContaining([
      'NODE_ENV=production',
      `NODE_VERSION=${process.versions.node}`,
    ]),
  );
  expect(config.Labels).toMatchObject({
    'org.opencontainers.image.title': 'Diehard',
    'org.opencontainers.image.version': image.tag,
  });
});

it('rebuilt from the same inputs without its cache, has the same digest', async () => {
  const again = await buildDiehardImage({
    registry: lab.registry,
    noCache: true,
  });
  expect(again.cached).toBe(false);
  expect(again.digest).toBe(image.digest);
});

describe('a container of it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-image-'));
  const rootfs = path.join(dir, 'rootfs');
  const prefix = `diehard_image_${crypto.randomBytes(4).toString('hex')}_`;
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child!.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabasesWithPrefix(lab.postgres, prefix).catch(() => {});
  });

  it('starts as uid 1000 on the lab PostgreSQL, answers readiness and serves the app', async () => {
    // The layers as pulled from the registry, unpacked in order.
    const layout = await OciLayout.create(path.join(dir, 'oci'));
    const desc = await pullImage(client, layout, {
      repository: IMAGE_REPOSITORY,
      reference: image.digest,
    });
    const manifest = await layout.readJson<ImageManifest>(desc.digest);
    const { config } = await layout.readJson<ImageConfig>(
      manifest.config.digest,
    );
    fs.mkdirSync(rootfs);
    for (const layer of manifest.layers) {
      const blob = path.join(
        dir,
        'oci/blobs/sha256',
        layer.digest.slice('sha256:'.length),
      );
      await exec('tar', ['-xzf', blob, '-C', rootfs, '--numeric-owner']);
    }

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    // The test's own settings, last: its port, its databases, guest sign-in (production's
    // OIDC needs an OpenID provider) and no catalog files to read.
    fs.writeFileSync(
      path.join(rootfs, 'app/app-config.test.yaml'),
      stringify({
        backend: { listen: { port }, database: { prefix } },
        auth: {
          providers: {
            oidc: null,
            guest: { dangerouslyAllowOutsideDevelopment: true },
          },
        },
      }),
      { mode: 0o644 },
    );
    const env = {
      ...Object.fromEntries(
        (config.Env ?? []).map(kv => [
          kv.slice(0, kv.indexOf('=')),
          kv.slice(kv.indexOf('=') + 1),
        ]),
      ),
      LOG_LEVEL: 'warn',
      ...productionEnv(baseUrl, lab.postgres),
    };
    child = spawn(
      'chroot',
      [
        `--userspec=${config.User}`,
        rootfs,
        '/bin/sh',
        '-c',
        'cd "$0" && exec "$@"',
        config.WorkingDir!,
        ...config.Entrypoint!,
        ...config.Cmd!,
        '--config',
        'app-config.test.yaml',
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', c => (output += c));
    child.stderr!.on('data', c => (output += c));

    const deadline = Date.now() + 5 * 60_000;
    let last = 'no answer';
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(
          `the container exited with ${child.exitCode}:\n${output.slice(
            -4000,
          )}`,
        );
      const res = await fetch(
        `${baseUrl}/.backstage/health/v1/readiness`,
      ).catch(e => String(e.cause ?? e));
      if (typeof res !== 'string' && res.ok) break;
      last = typeof res === 'string' ? res : `HTTP ${res.status}`;
      if (Date.now() > deadline)
        throw new Error(
          `not ready within 5 minutes (last: ${last}):\n${output.slice(-4000)}`,
        );
      await new Promise(r => setTimeout(r, 1000));
    }

    // chroot and sh exec: the process is the image's node, as the image's user.
    const pid = child.pid!;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    expect(status).toMatch(/^Uid:\s+1000\s+1000\s/m);
    expect(fs.readlinkSync(`/proc/${pid}/exe`)).toBe(
      path.join(rootfs, 'usr/local/bin/node'),
    );

    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
  });
});
