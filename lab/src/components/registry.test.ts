import crypto from 'node:crypto';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { useLab } from '../useLab';
import { httpsRequest } from '../util/https';
import type { RegistryEndpoint } from './registry';

jest.setTimeout(60_000);

const sha256 = (b: Buffer) =>
  `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`;

/** A one-file ustar archive (what a container image layer is). */
function tarOf(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number) =>
    header.write(value, offset, length, 'ascii');
  field(name, 0, 100);
  field('0000644\0', 100, 8);
  field('0000000\0', 108, 8);
  field('0000000\0', 116, 8);
  field(`${content.length.toString(8).padStart(11, '0')}\0`, 124, 12);
  field(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    12,
  );
  field('        ', 148, 8);
  field('0', 156, 1);
  field('ustar\u000000', 257, 8);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  field(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)]);
}

function client(registry: RegistryEndpoint) {
  const auth = `Basic ${Buffer.from(
    `${registry.username}:${registry.password}`,
  ).toString('base64')}`;
  return (
    pathOrUrl: string,
    init: {
      method?: string;
      headers?: Record<string, string>;
      body?: Buffer;
    } = {},
  ) =>
    httpsRequest(new URL(pathOrUrl, registry.url).toString(), {
      ca: registry.caPem,
      method: init.method,
      headers: { Authorization: auth, ...init.headers },
      body: init.body,
    });
}

async function pushBlob(
  registry: RegistryEndpoint,
  repo: string,
  blob: Buffer,
) {
  const call = client(registry);
  const started = await call(`/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  expect(started.status).toBe(202);
  const location = new URL(String(started.headers.location), registry.url);
  location.searchParams.set('digest', sha256(blob));
  const done = await call(location.toString(), {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(blob.length),
    },
    body: blob,
  });
  expect(done.status).toBe(201);
  return sha256(blob);
}

describe('registry', () => {
  it('refuses a client without credentials, over TLS signed by the lab CA', async () => {
    const { registry } = await useLab(['registry']);

    expect(registry.host).toMatch(/^127\.0\.0\.1:\d+$/);
    const anonymous = await httpsRequest(`${registry.url}/v2/`, {
      ca: registry.caPem,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    const wrong = await httpsRequest(`${registry.url}/v2/`, {
      ca: registry.caPem,
      headers: {
        Authorization: `Basic ${Buffer.from(
          `${registry.username}:nope`,
        ).toString('base64')}`,
      },
    });
    expect(wrong.status).toBe(401);
    // A client trusting only the public CAs (not the process's defaults, which an
    // earlier test in this worker may have extended with the lab CA).
    await expect(
      httpsRequest(`${registry.url}/v2/`, {
        ca: tls.rootCertificates.join('\n'),
      }),
    ).rejects.toThrow(/certificate/);
  });

  it('stores an OCI image pushed over HTTP and serves it back by digest', async () => {
    const { registry } = await useLab(['registry']);
    const call = client(registry);
    const repo = `lab-test/hello-${process.pid}`;

    const tar = tarOf('hello.txt', Buffer.from('no single point of failure\n'));
    const layer = zlib.gzipSync(tar);
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: {},
        rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
      }),
    );
    const layerDigest = await pushBlob(registry, repo, layer);
    const configDigest = await pushBlob(registry, repo, config);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: configDigest,
          size: config.length,
        },
        layers: [
          {
            mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
            digest: layerDigest,
            size: layer.length,
          },
        ],
      }),
    );
    const put = await call(`/v2/${repo}/manifests/1.0`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
      body: manifest,
    });
    expect(put.status).toBe(201);
    expect(put.headers['docker-content-digest']).toBe(sha256(manifest));

    const byDigest = await call(`/v2/${repo}/manifests/${sha256(manifest)}`, {
      headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(byDigest.status).toBe(200);
    expect(byDigest.body.equals(manifest)).toBe(true);
    const blob = await call(`/v2/${repo}/blobs/${layerDigest}`);
    expect(blob.status).toBe(200);
    expect(zlib.gunzipSync(blob.body).subarray(512, 539).toString()).toBe(
      'no single point of failure\n',
    );
    const tags = await call(`/v2/${repo}/tags/list`);
    expect(JSON.parse(tags.body.toString())).toEqual({
      name: repo,
      tags: ['1.0'],
    });
  });
});
