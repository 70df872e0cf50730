import { mockCredentials } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import permissionModuleDiehardPolicy from '@diehard/plugin-permission-backend-module-diehard';
import { RESTRICTED_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import {
  actorAuthFactory,
  catalogEntitiesModule,
  userInfoWithMemberships,
  waitForComponents,
} from '@diehard/backend-test-utils';
import { component, startSearchBackend } from './__testUtils__/searchBackend';

const ALICE = 'user:default/alice'; // dev-team, owns both services
const BRUNO = 'user:default/bruno'; // ops-team
const CAROL = 'user:default/carol'; // neither
const MEMBERSHIPS: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/dev-team'],
  [BRUNO]: [BRUNO, 'group:default/ops-team'],
  [CAROL]: [CAROL],
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
        userInfoWithMemberships(MEMBERSHIPS),
      ],
      config: { permission: { enabled: true } },
    });
    await waitForComponents(
      stack.backend.server,
      entities.map(e => e.metadata.name),
    );
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
