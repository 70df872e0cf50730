import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { moduleUsing, pluginUsing } from '@diehard/backend-test-utils';
import { RegistryDirectory } from '../registry/RegistryDirectory';
import { registryDirectoryServiceRef } from './registryDirectoryServiceRef';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

describe('registryDirectoryServiceRef', () => {
  it('gives every plugin and module of a backend the same directory, read from diehard.registries', async () => {
    const seen: RegistryDirectory[] = [];
    const see = (registries: RegistryDirectory) => {
      seen.push(registries);
    };
    const consumer = (pluginId: string) =>
      pluginUsing(pluginId, registryDirectoryServiceRef, see);
    const module = moduleUsing(
      'first',
      'images',
      registryDirectoryServiceRef,
      see,
    );

    const backend = await startTestBackend({
      features: [
        consumer('first'),
        consumer('second'),
        module,
        mockServices.rootConfig.factory({
          data: {
            diehard: {
              registries: [
                {
                  name: 'internal',
                  host: 'registry.test:5000',
                  username: 'ci',
                },
              ],
            },
          },
        }),
      ],
    });

    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0].names()).toEqual(['internal']);
    expect(seen[0].get('internal')).toMatchObject({
      host: 'registry.test:5000',
      username: 'ci',
      plainHttp: false,
    });
    expect(() => seen[0].get('other')).toThrow(
      'no registry named "other" in diehard.registries (configured: internal)',
    );
    await backend.stop();
  });
});
