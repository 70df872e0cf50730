import crypto from 'node:crypto';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { OciLayout } from '../image/OciLayout';
import { bytesInUploads, OwnRegistry } from '../__testUtils__/OwnRegistry';
import { uniqueRepository, writeRandomImage } from '../testUtils';
import { pullImage } from './pullImage';
import { pushImage } from './pushImage';
import { RegistryClient } from './RegistryClient';

jest.setTimeout(180_000);

/** Polls `condition` until it holds; fails after `timeoutMs`. */
async function until(
  what: string,
  condition: () => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise(r => setTimeout(r, 5));
  }
}

/**
 * The registry process itself dies (SIGKILL, no shutdown) while a large layer is
 * being uploaded: no tag may point at a missing blob, and once the registry is
 * back on the same storage, running the push again completes it.
 */
describe('a registry killed mid-push', () => {
  const dir = createMockDirectory();
  const user = {
    username: 'ci',
    password: crypto.randomBytes(12).toString('base64url'),
  };
  let registry: OwnRegistry;

  beforeAll(async () => {
    registry = await OwnRegistry.start({
      ci: { password: user.password, grants: { '': ['pull', 'push'] } },
    });
  });

  afterAll(async () => {
    await registry?.stop();
  });

  it('leaves no tag on a missing blob, and a retry completes', async () => {
    const image = await writeRandomImage(path.join(dir.path, 'image'), {
      layerSizes: [48_000_000, 200_000],
    });
    const repository = uniqueRepository('killed');
    const uploads = registry.uploadsDir(repository);
    const options = {
      retry: { retries: 1, initialDelayMs: 50 },
      chunkSize: 8 * 1024 * 1024,
      concurrency: 1,
    };

    const first = new RegistryClient(registry.endpoint(user), options);
    const push = pushImage(first, image.layout, {
      repository,
      tag: 'release',
    }).catch(e => e as Error);
    // The large layer is on its way: the registry has written part of it.
    await until('4 MB of the layer in the upload directory', () => {
      const bytes = bytesInUploads(uploads);
      return bytes > 4_000_000 && bytes < 40_000_000;
    });
    await registry.kill();
    const error = await push;
    first.close();
    // The push gives up on the unreachable registry (the action words this for the user).
    expect((error as Error).name).toBe('NetworkError');
    expect((error as Error).message).toMatch(
      new RegExp(
        `^[A-Z]+ https://${registry.host}/v2/${repository}/.*ECONNREFUSED`,
      ),
    );

    // Back on the same storage: the half-written layer is not served, nothing is tagged.
    await registry.restart();
    const client = new RegistryClient(registry.endpoint(user), options);
    try {
      expect(await client.hasManifest(repository, 'release')).toBe(false);
      expect(await client.hasManifest(repository, image.manifest.digest)).toBe(
        false,
      );
      expect(
        await client.blobSize(repository, image.layers[0].digest),
      ).toBeUndefined();

      // The same push again completes.
      const pushed = await pushImage(client, image.layout, {
        repository,
        tag: 'release',
      });
      expect(pushed.digest).toBe(image.manifest.digest);
      expect(pushed.reference).toBe(
        `${registry.host}/${repository}@${image.manifest.digest}`,
      );

      // Pull by digest: every blob comes back and matches its digest.
      const pulled = await OciLayout.create(path.join(dir.path, 'pulled'));
      await pullImage(client, pulled, {
        repository,
        reference: pushed.digest,
      });
      for (const layer of image.layers)
        expect(await pulled.hasBlob(layer.digest, layer.size)).toBe(true);
    } finally {
      client.close();
    }
  });
});
