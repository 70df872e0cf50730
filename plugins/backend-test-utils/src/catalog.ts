import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MANIFESTS_PATH_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import request from 'supertest';
import { moduleUsing } from './features';

/**
 * A service of dev-team registered from `catalogFile`, its manifests beside it: the
 * posture reads them from the repository the entity came from.
 */
export function postureComponent(name: string, catalogFile: string): Entity {
  const location = `file:${catalogFile}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        [MANIFESTS_PATH_ANNOTATION]: '.',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/dev-team' }],
  };
}

/** A team of the catalog that `member` belongs to. */
export function teamGroup(name: string, member: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: member }],
  };
}

/** Gives the real catalog backend `entities`, as an entity provider does. */
export function catalogEntitiesModule(entities: Entity[]) {
  return moduleUsing(
    'catalog',
    'test-entities',
    catalogProcessingExtensionPoint,
    catalog =>
      catalog.addEntityProvider({
        getProviderName: () => 'test-entities',
        connect: async connection => {
          await connection.applyMutation({
            type: 'full',
            // The catalog computes relations itself.
            entities: entities.map(({ relations, ...entity }) => ({
              entity,
              locationKey: 'test-entities',
            })),
          });
        },
      }),
  );
}

/**
 * Waits until the real catalog of `server` serves each component of `names` (default
 * namespace): the catalog stitches its entities on its own loop.
 */
export async function waitForComponents(server: any, names: string[]) {
  for (const name of names) {
    for (let res; res?.status !== 200; ) {
      res = await request(server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.service.header());
      if (res.status !== 200) await new Promise(r => setTimeout(r, 200));
    }
  }
}
