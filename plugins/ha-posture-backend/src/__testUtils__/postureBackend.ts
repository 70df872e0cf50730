import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { haPosturePlugin } from '../plugin';

/**
 * The posture plugin in a test backend: the catalog holds `entities`, the Kubernetes
 * plugin's config locates the clusters of `clusterLocatorMethods` (none by default: the
 * posture then comes from each entity's manifests), `config` adds the other settings and
 * `features` other plugins and services.
 */
export function startPostureBackend(
  options: {
    entities?: Entity[];
    clusterLocatorMethods?: object[];
    config?: Record<string, unknown>;
    features?: BackendFeature[];
  } = {},
) {
  return startTestBackend({
    features: [
      haPosturePlugin,
      ...(options.features ?? []),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: options.clusterLocatorMethods ?? [
              { type: 'config', clusters: [] },
            ],
          },
        },
      }),
    ],
  });
}

export type PostureBackend = Awaited<ReturnType<typeof startPostureBackend>>;

/** A service of the catalog, owned by dev-team, with `annotations`. */
export function serviceComponent(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
  };
}

/**
 * A service registered from `catalogFile` on the server's disk, its manifests at
 * `manifestsPath` beside it, as a template generates it.
 */
export function componentOnDisk(
  name: string,
  catalogFile: string,
  manifestsPath: string = '.',
  annotations: Record<string, string> = {},
): Entity {
  const location = `file:${catalogFile}`;
  return serviceComponent(name, {
    'backstage.io/managed-by-location': location,
    'backstage.io/managed-by-origin-location': location,
    'diehard.io/manifests-path': manifestsPath,
    ...annotations,
  });
}
