import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegistryEndpoint } from '../components/registry';
import { useLab } from '../useLab';
import { writeOciLayout } from './ociLayout';
import { pushLayout, registryDigest } from './pushLayout';

jest.setTimeout(120_000);

let registry: RegistryEndpoint;
let work: string;

beforeAll(async () => {
  registry = (await useLab(['registry'])).registry;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-oci-layout-test-'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A root filesystem tar with one file of random content, so every run is a new image. */
function rootfsTar(): string {
  const root = path.join(work, 'root');
  fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc', 'nonce'), crypto.randomUUID());
  const tar = path.join(work, 'rootfs.tar');
  const made = spawnSync('tar', ['-cf', tar, '-C', root, '.']);
  expect(made.status).toBe(0);
  return tar;
}

it('writes a one-layer layout that a registry lacking the image receives with its digest', async () => {
  const tar = rootfsTar();
  const dir = path.join(work, 'oci');
  const digest = await writeOciLayout({
    dir,
    layerTar: tar,
    tag: '1.0',
    config: { Cmd: ['true'] },
    createdBy: 'test',
  });
  const blob = (d: string) =>
    fs.readFileSync(path.join(dir, 'blobs', 'sha256', d.slice(7)));
  const manifest = JSON.parse(blob(digest).toString());
  const config = JSON.parse(blob(manifest.config.digest).toString());
  const tarDigest = `sha256:${crypto
    .createHash('sha256')
    .update(fs.readFileSync(tar))
    .digest('hex')}`;
  expect(config.rootfs.diff_ids).toEqual([tarDigest]);
  expect(config.config.Cmd).toEqual(['true']);
  const listed = spawnSync('tar', ['-tzf', '-'], {
    input: blob(manifest.layers[0].digest),
    encoding: 'utf8',
  });
  expect(listed.stdout).toMatch(/^\.\/etc\/nonce$/m);

  const repository = `diehard-test/lab-image-${crypto
    .randomBytes(4)
    .toString('hex')}`;
  expect(await registryDigest(registry, repository, '1.0')).toBeUndefined();
  await pushLayout(dir, '1.0', registry, repository);
  expect(await registryDigest(registry, repository, '1.0')).toBe(digest);
});
