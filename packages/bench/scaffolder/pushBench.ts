/* eslint-disable no-console */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { useLab } from '@diehard/lab';
import {
  buildLayer,
  MediaTypes,
  OciLayout,
  pushImage,
  RegistryClient,
} from '@diehard/plugin-container-images-node';

const run = promisify(execFile);

/** A ~200 MB image of three gzip layers of incompressible files, built once and cached. */
async function benchImage(dir: string, sizesMb: number[]): Promise<OciLayout> {
  if (
    fs.existsSync(path.join(dir, 'index.json')) &&
    (await OciLayout.open(dir).then(l => l.index())).manifests.length
  ) {
    return OciLayout.open(dir);
  }
  const layout = await OciLayout.create(dir);
  const layers = [];
  const diffIds = [];
  for (const [i, mb] of sizesMb.entries()) {
    const src = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-bench-src-'));
    for (let f = 0; f < mb; f++)
      await fsp.writeFile(
        path.join(src, `f${f}.bin`),
        crypto.randomBytes(1024 * 1024),
      );
    const built = await buildLayer([{ from: src, to: `/data/layer${i}` }], {
      outDir: path.join(dir, 'blobs', 'sha256'),
    });
    await layout.adoptFile(built.file, built.digest);
    layers.push({
      mediaType: MediaTypes.ociLayerGzip,
      digest: built.digest,
      size: built.size,
    });
    diffIds.push(built.diffId);
    await fsp.rm(src, { recursive: true, force: true });
  }
  const config = await layout.writeBlob(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: diffIds },
    }),
  );
  const m = await layout.writeBlob(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociConfig, ...config },
      layers,
    }),
  );
  await layout.tag({ mediaType: MediaTypes.ociManifest, ...m }, 'bench');
  return layout;
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

export async function main(args: string[]) {
  const rounds = Number(args[0] ?? 3);
  const { registry: reg } = await useLab(['registry']);
  const dir = path.join(os.tmpdir(), 'diehard-bench-image');
  const layout = await benchImage(dir, [100, 60, 40]);
  const manifest = await layout.resolve('bench');
  const total = JSON.parse(
    (await layout.readBlob(manifest.digest)).toString(),
  ).layers.reduce((s: number, l: any) => s + l.size, 0);
  console.log(
    `image: 3 layers, ${(total / 1e6).toFixed(1)} MB compressed, ${
      manifest.digest
    }`,
  );

  // skopeo reads credentials from a 0600 auth file and the lab CA from a cert dir.
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-bench-'));
  const authFile = path.join(work, 'auth.json');
  await fsp.writeFile(
    authFile,
    JSON.stringify({
      auths: {
        [reg.host]: {
          auth: Buffer.from(`${reg.username}:${reg.password}`).toString(
            'base64',
          ),
        },
      },
    }),
    { mode: 0o600 },
  );
  const certDir = path.join(work, 'certs');
  await fsp.mkdir(certDir);
  await fsp.writeFile(path.join(certDir, 'ca.crt'), reg.caPem);
  // skopeo remembers where it pushed blobs (blob-info cache) and mounts them from
  // there into new repositories: cold runs get a private, empty cache (a tmpfs in
  // their own mount namespace), warm runs reuse the one of their cold run.
  const cacheDir = '/var/lib/containers/cache';
  const skopeoCache = path.join(work, 'skopeo-cache');
  const skopeo = async (repo: string, cold: boolean) => {
    if (cold) await fsp.rm(skopeoCache, { recursive: true, force: true });
    await fsp.mkdir(skopeoCache, { recursive: true });
    const copy = [
      'skopeo',
      'copy',
      '--quiet',
      '--dest-authfile',
      authFile,
      '--dest-cert-dir',
      certDir,
      `oci:${dir}:bench`,
      `docker://${reg.host}/${repo}:bench`,
    ];
    await run('unshare', [
      '-m',
      'sh',
      '-c',
      // skopeo creates the directory on first use: a fresh machine has none yet.
      `mkdir -p ${cacheDir} && mount --bind "$0" ${cacheDir} && exec "$@"`,
      skopeoCache,
      ...copy,
    ]);
  };

  const ours = async (repo: string) => {
    const client = new RegistryClient({
      name: 'lab',
      host: reg.host,
      username: reg.username,
      password: reg.password,
      ca: reg.caPem,
    });
    try {
      return await pushImage(client, layout, {
        repository: repo,
        tag: 'bench',
      });
    } finally {
      client.close();
    }
  };
  const time = async (fn: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };

  const results: Record<string, number[]> = {
    'ours cold': [],
    'ours warm': [],
    'skopeo cold': [],
    'skopeo warm': [],
  };
  for (let r = 0; r < rounds; r++) {
    const id = crypto.randomBytes(3).toString('hex');
    // Alternate who goes first so the page cache favours neither.
    const order =
      r % 2 === 0
        ? (['ours', 'skopeo'] as const)
        : (['skopeo', 'ours'] as const);
    for (const who of order) {
      const repo = `bench/${who}-${id}`;
      const fn = (cold: boolean) =>
        who === 'ours' ? ours(repo) : skopeo(repo, cold);
      results[`${who} cold`].push(await time(() => fn(true)));
      results[`${who} warm`].push(await time(() => fn(false)));
    }
  }
  for (const [k, xs] of Object.entries(results)) {
    console.log(
      `${k.padEnd(12)} median ${fmt(median(xs))}   runs: ${xs
        .map(fmt)
        .join(', ')}`,
    );
  }
  await fsp.rm(work, { recursive: true, force: true });
}
