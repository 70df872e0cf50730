import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { RegistryDirectory } from '../registry/RegistryDirectory';

/**
 * The registries of `diehard.registries`, read once per backend: what every plugin
 * and module that builds, pushes or checks images uses.
 *
 * @public
 */
export const registryDirectoryServiceRef = createServiceRef<RegistryDirectory>({
  id: 'diehard.container-images.registries',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => RegistryDirectory.fromConfig(config),
    }),
});
