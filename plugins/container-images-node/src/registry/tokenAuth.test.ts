import crypto from 'node:crypto';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { OciLayout } from '../image/OciLayout';
import { OwnRegistry } from '../__testUtils__/OwnRegistry';
import { uniqueRepository, writeRandomImage } from '../testUtils';
import { pullImage } from './pullImage';
import { pushImage } from './pushImage';
import { RegistryClient } from './RegistryClient';

jest.setTimeout(120_000);

const secret = () => crypto.randomBytes(12).toString('base64url');

/**
 * Bearer-token authentication against a real docker-registry 2.8 with
 * `auth.token`, and a token service that checks Basic credentials and grants
 * scopes per user: the flow a registry behind an identity provider uses.
 */
describe('a registry with token authentication', () => {
  const dir = createMockDirectory();
  const ci = { username: 'ci', password: secret() };
  const reader = { username: 'reader', password: secret() };
  let registry: OwnRegistry;

  beforeAll(async () => {
    registry = await OwnRegistry.start({
      ci: { password: ci.password, grants: { '': ['pull', 'push'] } },
      reader: { password: reader.password, grants: { '': ['pull'] } },
    });
  });

  afterAll(async () => {
    await registry?.stop();
  });

  beforeEach(() => dir.clear());

  it('pushes and pulls through the bearer challenge', async () => {
    const image = await writeRandomImage(path.join(dir.path, 'image'), {
      layerSizes: [300_000, 20_000],
    });
    const repository = uniqueRepository('token');
    const client = new RegistryClient(registry.endpoint(ci));
    try {
      const pushed = await pushImage(client, image.layout, {
        repository,
        tag: '1.0',
      });
      expect(pushed.digest).toBe(image.manifest.digest);
      // The token service was asked for push on that repository, by that user (the
      // scope as the registry's challenge words it: `pull,push` or `push,pull`).
      const granted = registry.tokens.requests
        .filter(r => r.user === 'ci' && r.status === 200)
        .flatMap(r => r.scopes)
        .filter(scope => scope.startsWith(`repository:${repository}:`))
        .map(scope => scope.split(':')[2].split(',').sort().join(','));
      expect(granted).toContain('pull,push');

      // Another user with pull rights reads it back, every digest verified.
      const pulled = await OciLayout.create(path.join(dir.path, 'pulled'));
      const readerClient = new RegistryClient(registry.endpoint(reader));
      try {
        const desc = await pullImage(readerClient, pulled, {
          repository,
          reference: pushed.digest,
        });
        expect(desc.digest).toBe(image.manifest.digest);
        for (const layer of image.layers)
          expect(await pulled.hasBlob(layer.digest)).toBe(true);
      } finally {
        readerClient.close();
      }
    } finally {
      client.close();
    }
  });

  /** Pushes a small new image as `user`; the error it fails with. */
  async function failedPush(
    user: { username: string; password: string },
    repository: string,
  ): Promise<Error> {
    const image = await writeRandomImage(path.join(dir.path, 'image'), {
      layerSizes: [1000],
    });
    const client = new RegistryClient(registry.endpoint(user));
    try {
      await pushImage(client, image.layout, { repository, tag: '1.0' });
    } catch (e) {
      return e as Error;
    } finally {
      client.close();
    }
    throw new Error(`the push as ${user.username} succeeded`);
  }

  it('names the registry and the user when the token service refuses the credentials', async () => {
    const wrong = { username: 'ci', password: secret() };
    const error = await failedPush(wrong, uniqueRepository('token-wrong'));
    expect(error.name).toBe('AuthenticationError');
    expect(error.message).toBe(
      'registry "own" refused the configured credentials for user "ci"',
    );
    expect(error.message).not.toContain(wrong.password);
  });

  it('says which right is missing when the token lacks push', async () => {
    const repository = uniqueRepository('token-readonly');
    const error = await failedPush(reader, repository);
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toBe(
      `registry "own" does not grant user "reader" pull,push on repository "${repository}" (its token service left it out of the token)`,
    );
    const admin = new RegistryClient(registry.endpoint(ci));
    try {
      expect(await admin.hasManifest(repository, '1.0')).toBe(false);
    } finally {
      admin.close();
    }
  });
});
