import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  buildDebianImage,
  labPaths,
  labRegistryClient,
  RegistryEndpoint,
} from '@diehard/lab';
import {
  LayerSource,
  nativeBuild,
  OciLayout,
  pushImage,
  RegistryClient,
} from '@diehard/plugin-container-images-node';
import { parse } from 'yaml';
import {
  APP_DIR,
  currentNode,
  nodeRuntimeSpec,
  RUNTIME_UID,
} from './nodeRuntime';
import { productionInstall } from './productionInstall';
import { withCacheLock } from './cacheLock';

const exec = promisify(execFile);

/** The repository this file belongs to. */
export const REPO_ROOT = path.resolve(__dirname, '../../../../../..');

/** Where the image goes in a registry; the registry's host comes from the caller. */
export const IMAGE_REPOSITORY = 'diehard/backend';
/** Bumped when the way the image is assembled changes. */
const RECIPE = 1;
const PORT = '7007/tcp';

/** Files of the repository the portal reads at run time (app-config.production.yaml's catalog). */
const RUNTIME_FILES = [
  'app-config.yaml',
  'app-config.production.yaml',
  'catalog-info.yaml',
  'templates',
];

export interface DiehardImage {
  /** host/diehard/backend@sha256:… */
  reference: string;
  repository: string;
  tag: string;
  digest: string;
  /** The OCI layout the image was built into (cached by its inputs). */
  layoutDir: string;
  /** Compressed size of all layers and the config, as a registry stores it. */
  bytes: number;
  /** True when nothing was built: the layout of the same inputs was reused. */
  cached: boolean;
}

export interface BuildImageOptions {
  registry: RegistryEndpoint;
  /** Build afresh even when a layout of the same inputs exists (a reproducibility check). */
  noCache?: boolean;
  report?: (line: string) => void;
}

function chartAppVersion(): string {
  const chart = parse(
    fs.readFileSync(path.join(REPO_ROOT, 'deploy/diehard/Chart.yaml'), 'utf8'),
  );
  return String(chart.appVersion);
}

async function hashInputs(parts: (string | Buffer)[]): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Every file under `rel` (files sorted), as path and content, for the cache key. */
async function treeContents(root: string, rel: string): Promise<string[]> {
  const abs = path.join(root, rel);
  const st = await fsp.stat(abs);
  if (!st.isDirectory())
    return [rel, (await fsp.readFile(abs)).toString('base64')];
  const out: string[] = [];
  for (const name of (await fsp.readdir(abs)).sort())
    out.push(...(await treeContents(root, path.join(rel, name))));
  return out;
}

async function layoutBytes(layoutDir: string, refName: string) {
  const layout = await OciLayout.open(layoutDir);
  const manifest = JSON.parse(
    (await layout.readBlob((await layout.resolve(refName)).digest)).toString(),
  );
  return [manifest.config, ...manifest.layers].reduce(
    (n: number, d: { size: number }) => n + d.size,
    0,
  );
}

async function pushIfMissing(
  client: RegistryClient,
  layoutDir: string,
  repository: string,
  tag: string,
  digest: string,
) {
  const current = await client
    .getManifest(repository, tag)
    .then(m => m.digest)
    .catch(e => {
      if ((e as Error).name === 'NotFoundError') return undefined;
      throw e;
    });
  if (current === digest) return;
  const pushed = await pushImage(client, await OciLayout.open(layoutDir), {
    repository,
    tag,
    refName: tag,
  });
  if (pushed.digest !== digest)
    throw new Error(
      `pushing ${repository}:${tag} gave ${pushed.digest}, not ${digest}`,
    );
}

/**
 * Diehard's own image, built without a container runtime by the native builder of
 * @diehard/plugin-container-images-node and pushed to `registry`:
 * the Node runtime base (Debian + the toolchain's Node), then one layer of production
 * dependencies, one of the backend bundle (packages/backend/dist, from `yarn
 * build:backend`) and one of the config and catalog files. Same inputs, same digest;
 * the layout is cached by its inputs.
 */
export async function buildDiehardImage(
  options: BuildImageOptions,
): Promise<DiehardImage> {
  const report = options.report ?? (() => {});
  const dist = path.join(REPO_ROOT, 'packages/backend/dist');
  const bundle = path.join(dist, 'bundle.tar.gz');
  const skeleton = path.join(dist, 'skeleton.tar.gz');
  if (!fs.existsSync(bundle) || !fs.existsSync(skeleton)) {
    // Built once; an existing build is reused as it is (`yarn image:build` rebuilds it).
    report('image: packages/backend/dist is missing: yarn build:backend');
    await exec('yarn', ['build:backend'], {
      cwd: REPO_ROOT,
      // Under jest NODE_ENV is "test", a browserslist environment the app does not
      // declare: the frontend build inside it would fail.
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 20 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    }).catch(e => {
      throw new Error(
        `yarn build:backend failed: ${e.message}\n${`${e.stdout ?? ''}`
          .split('\n')
          .slice(-20)
          .join('\n')}`,
      );
    });
  }
  const node = currentNode();
  const tag = chartAppVersion();
  const cacheDir = path.join(labPaths().cacheDir, 'diehard-image');
  await fsp.mkdir(cacheDir, { recursive: true });
  return withCacheLock(cacheDir, () =>
    build(options, { bundle, skeleton, node, tag, cacheDir, report }),
  );
}

async function build(
  options: BuildImageOptions,
  inputs: {
    bundle: string;
    skeleton: string;
    node: { version: string; binary: string };
    tag: string;
    cacheDir: string;
    report: (line: string) => void;
  },
): Promise<DiehardImage> {
  const { bundle, skeleton, node, tag, cacheDir, report } = inputs;
  const client = labRegistryClient(options.registry);
  try {
    // 1. The runtime base, built once per Node version like the lab's platform images.
    const spec = nodeRuntimeSpec(node);
    const base = await buildDebianImage(spec, cacheDir, report);
    await pushIfMissing(
      client,
      base.layoutDir,
      spec.repository,
      spec.tag,
      base.digest,
    );

    // 2. Production dependencies (cached by skeleton, yarn.lock, package.json).
    const install = await productionInstall({
      repoRoot: REPO_ROOT,
      skeleton,
      cacheDir,
      nodeVersion: node.version,
      report,
    });

    const labels = {
      'org.opencontainers.image.title': 'Diehard',
      'org.opencontainers.image.description':
        "Diehard's developer portal (Backstage backend and app)",
      'org.opencontainers.image.version': tag,
      'io.diehard.node-version': node.version,
    };
    const key = await hashInputs([
      String(RECIPE),
      base.digest,
      install.dir,
      ...install.entries,
      await fsp.readFile(bundle),
      ...(
        await Promise.all(RUNTIME_FILES.map(f => treeContents(REPO_ROOT, f)))
      ).flat(),
      JSON.stringify(labels),
    ]);
    const layoutDir = path.join(cacheDir, `backend-${key}`);
    const done = path.join(layoutDir, 'digest');
    let cached = !options.noCache && fs.existsSync(done);
    let digest: string;
    const started = Date.now();
    if (cached) {
      digest = (await fsp.readFile(done, 'utf8')).trim();
    } else {
      const scratch = await fsp.mkdtemp(path.join(cacheDir, 'build-'));
      try {
        const bundleDir = path.join(scratch, 'bundle');
        await fsp.mkdir(bundleDir);
        await exec('tar', ['-xzf', bundle, '-C', bundleDir]);
        const to = (rel: string) => path.posix.join(APP_DIR, rel);
        const layers: LayerSource[][] = [
          install.entries.map(e => ({
            from: path.join(install.dir, e),
            to: to(e),
          })),
          (await fsp.readdir(bundleDir))
            .sort()
            .map(e => ({ from: path.join(bundleDir, e), to: to(e) })),
          RUNTIME_FILES.map(f => ({
            from: path.join(REPO_ROOT, f),
            to: to(f),
          })),
        ];
        report(
          `image: building ${IMAGE_REPOSITORY}:${tag} (3 layers on ${spec.repository}:${spec.tag})`,
        );
        const out = path.join(scratch, 'oci');
        const result = await nativeBuild({
          layoutDir: out,
          refName: tag,
          base: {
            client,
            reference: `${spec.repository}@${base.digest}`,
          },
          layers,
          settings: {
            entrypoint: ['node', 'packages/backend'],
            cmd: [
              '--config',
              'app-config.yaml',
              '--config',
              'app-config.production.yaml',
            ],
            env: { NODE_ENV: 'production' },
            workingDir: APP_DIR,
            user: `${RUNTIME_UID}:${RUNTIME_UID}`,
            exposedPorts: [PORT],
            labels,
          },
        });
        digest = result.manifest.digest;
        await fsp.writeFile(path.join(out, 'digest'), `${digest}\n`);
        if (options.noCache && fs.existsSync(done)) {
          const before = (await fsp.readFile(done, 'utf8')).trim();
          if (before !== digest)
            throw new Error(
              `the same inputs gave ${digest}, not ${before} as before: the build is not reproducible`,
            );
        } else {
          await fsp.rm(layoutDir, { recursive: true, force: true });
          await fsp.rename(out, layoutDir);
        }
      } finally {
        await fsp.rm(scratch, { recursive: true, force: true });
      }
      // Layouts of earlier inputs are not used again.
      for (const entry of await fsp.readdir(cacheDir)) {
        if (/^backend-[0-9a-f]{16}$/.test(entry) && entry !== `backend-${key}`)
          await fsp.rm(path.join(cacheDir, entry), {
            recursive: true,
            force: true,
          });
      }
      cached = false;
      report(
        `image: ${IMAGE_REPOSITORY}:${tag} built in ${Math.round(
          (Date.now() - started) / 1000,
        )} s (${digest})`,
      );
    }
    await pushIfMissing(client, layoutDir, IMAGE_REPOSITORY, tag, digest);
    return {
      reference: `${options.registry.host}/${IMAGE_REPOSITORY}@${digest}`,
      repository: IMAGE_REPOSITORY,
      tag,
      digest,
      layoutDir,
      bytes: await layoutBytes(layoutDir, tag),
      cached,
    };
  } finally {
    client.close();
  }
}
