import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';

/** Gives the real catalog backend `entities`, as an entity provider does. */
export function catalogEntitiesModule(entities: Entity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-entities',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
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
          });
        },
      });
    },
  });
}
