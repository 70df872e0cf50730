import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegistryEndpoint } from '../components/registry';
import { useLab } from '../useLab';
import { httpsRequest } from '../util/https';
import { ensurePlatformImages, PlatformImage } from './ensurePlatformImages';

// The first run on a machine builds both images from Debian packages.
jest.setTimeout(30 * 60_000);

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

let registry: RegistryEndpoint;
let images: PlatformImage[];
let work: string;

function get(r: RegistryEndpoint, urlPath: string, accept = '*/*') {
  return httpsRequest(`${r.url}${urlPath}`, {
    ca: r.caPem,
    headers: {
      Accept: accept,
      Authorization: `Basic ${Buffer.from(
        `${r.username}:${r.password}`,
      ).toString('base64')}`,
    },
    timeoutMs: 120_000,
  });
}

const pulled = new Map<string, ReturnType<typeof readBack>>();
/** The image's manifest, config and file list, read back from the registry (once). */
function pull(image: PlatformImage) {
  if (!pulled.has(image.digest)) pulled.set(image.digest, readBack(image));
  return pulled.get(image.digest)!;
}

async function readBack(image: PlatformImage) {
  const manifest = await get(
    registry,
    `/v2/${image.repository}/manifests/${image.digest}`,
    OCI_MANIFEST,
  );
  expect(manifest.status).toBe(200);
  const m = JSON.parse(manifest.body.toString());
  const config = JSON.parse(
    (
      await get(registry, `/v2/${image.repository}/blobs/${m.config.digest}`)
    ).body.toString(),
  );
  const layer = await get(
    registry,
    `/v2/${image.repository}/blobs/${m.layers[0].digest}`,
  );
  const file = path.join(work, `${image.repository.replace('/', '-')}.tgz`);
  fs.writeFileSync(file, layer.body);
  const list = spawnSync('tar', ['-tvzf', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(list.status).toBe(0);
  return { manifest: manifest.body, config, files: list.stdout };
}

beforeAll(async () => {
  registry = (await useLab(['registry'])).registry;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-images-test-'));
  images = await ensurePlatformImages(registry);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it('pushes the two images under the names generated Dockerfiles use', () => {
  expect(images.map(i => i.reference)).toEqual([
    `${registry.host}/platform/maven:3.8-openjdk-17`,
    `${registry.host}/platform/tomcat:10.1-jre17`,
  ]);
});

it('serves each image by its digest and by its tag', async () => {
  for (const image of images) {
    const { manifest } = await pull(image);
    expect(crypto.createHash('sha256').update(manifest).digest('hex')).toBe(
      image.digest.slice('sha256:'.length),
    );
    const byTag = await get(
      registry,
      `/v2/${image.repository}/manifests/${image.tag}`,
      OCI_MANIFEST,
    );
    expect(byTag.headers['docker-content-digest']).toBe(image.digest);
  }
});

it('maven: a JDK 17 and mvn', async () => {
  const { config, files } = await pull(images[0]);
  expect(config.config.Env).toContain('JAVA_HOME=/usr/lib/jvm/java-17');
  expect(files).toMatch(/ \.\/usr\/bin\/mvn -> /m);
  expect(files).toMatch(/ \.\/usr\/lib\/jvm\/java-17 -> java-17-openjdk-/m);
  expect(files).toMatch(/\/bin\/javac -> |\/bin\/javac$/m);
});

it('tomcat: CATALINA_HOME with its folders, catalina.sh on PATH, groupadd and useradd', async () => {
  const { config, files } = await pull(images[1]);
  const env: string[] = config.config.Env;
  expect(env).toContain('CATALINA_HOME=/usr/local/tomcat');
  expect(env.find(e => e.startsWith('PATH='))).toMatch(
    /^PATH=\/usr\/local\/tomcat\/bin:/,
  );
  expect(config.config.Cmd).toEqual(['catalina.sh', 'run']);
  for (const dir of ['conf', 'webapps', 'logs', 'temp', 'work']) {
    expect(files).toMatch(
      new RegExp(`^d.* \\./usr/local/tomcat/${dir}/$`, 'm'),
    );
  }
  expect(files).toMatch(/ \.\/usr\/local\/tomcat\/conf\/server\.xml$/m);
  expect(files).toMatch(
    / \.\/usr\/local\/tomcat\/bin -> \/usr\/share\/tomcat10\/bin$/m,
  );
  expect(files).toMatch(
    / \.\/usr\/local\/tomcat\/lib -> \/usr\/share\/tomcat10\/lib$/m,
  );
  expect(files).toMatch(/ \.\/usr\/share\/tomcat10\/bin\/catalina\.sh$/m);
  expect(files).toMatch(/ \.\/usr\/sbin\/groupadd$/m);
  expect(files).toMatch(/ \.\/usr\/sbin\/useradd$/m);
  // A JRE, not a JDK.
  expect(files).not.toMatch(/\/bin\/javac/);
});

it('costs a HEAD per image once the registry holds them', async () => {
  const started = Date.now();
  const again = await ensurePlatformImages(registry);
  expect(again).toEqual(images);
  expect(Date.now() - started).toBeLessThan(10_000);
});
