import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import permissionModuleDiehardPolicy from '@diehard/plugin-permission-backend-module-diehard';
import { RESTRICTED_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import request from 'supertest';
import { actorAuthFactory } from './__testUtils__/actorAuth';
import { catalogEntitiesModule } from './__testUtils__/catalogEntities';
import { component, startSearchBackend } from './__testUtils__/searchBackend';

const ALICE = 'user:default/alice'; // dev-team, owns both services
const BRUNO = 'user:default/bruno'; // ops-team
const CAROL = 'user:default/carol'; // neither
const GROUPS: Record<string, string[]> = {
  [ALICE]: ['group:default/dev-team'],
  [BRUNO]: ['group:default/ops-team'],
  [CAROL]: [],
};

const restricted = component('orders-restricted', 'replicas/single-replica');
restricted.metadata.annotations![RESTRICTED_ANNOTATION] = 'true';
const entities = [component('orders', 'replicas/single-replica'), restricted];

/**
 * The real catalog, permission backend and Diehard's policy: a restricted entity is
 * readable by its owners and Ops only, and its posture document follows it.
 */
describe('HA posture search, with permissions', () => {
  let stack: Awaited<ReturnType<typeof startSearchBackend>>;
  const refsFor = async (term: string, user: string) =>
    (
      await stack.search(term, {
        Authorization: mockCredentials.user.header(user),
      })
    )
      .map(d => d.entityRef)
      .sort();

  beforeAll(async () => {
    stack = await startSearchBackend(entities, {
      catalog: [catalogPlugin, catalogEntitiesModule(entities)],
      extra: [
        permissionPlugin,
        permissionModuleDiehardPolicy,
        actorAuthFactory,
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const user = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: user,
              ownershipEntityRefs: [user, ...(GROUPS[user] ?? [])],
            };
          },
        }).factory,
      ],
      config: { permission: { enabled: true } },
    });
    // The catalog processes its entities on its own loop: wait until both are stitched.
    for (const { metadata } of entities) {
      for (let res; res?.status !== 200; ) {
        res = await request(stack.backend.server)
          .get(
            `/api/catalog/entities/by-name/component/default/${metadata.name}`,
          )
          .set('Authorization', mockCredentials.service.header());
        if (res.status !== 200) await new Promise(r => setTimeout(r, 200));
      }
    }
    await stack.index();
  }, 60_000);

  afterAll(() => stack.backend.stop());

  it('shows a restricted service to its owners and to Ops', async () => {
    const both = [
      'component:default/orders',
      'component:default/orders-restricted',
    ];
    expect(await refsFor('replicas-single', ALICE)).toEqual(both);
    expect(await refsFor('replicas-single', BRUNO)).toEqual(both);
  });

  it('hides a restricted service from everyone else', async () => {
    expect(await refsFor('replicas-single', CAROL)).toEqual([
      'component:default/orders',
    ]);
  });
});
