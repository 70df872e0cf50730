import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import request from 'supertest';
// The retrievers read the posture and review backends over HTTP: the test runs them, with
// the real catalog, permission backend and Diehard's policy, as the portal does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import handoffReviewPlugin from '@diehard/plugin-handoff-review-backend';
import permissionModuleDiehardPolicy from '@diehard/plugin-permission-backend-module-diehard';
import { MANIFESTS_PATH_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import { actorAuthFactory } from './__testUtils__/actorAuth';
import {
  techInsightsModuleHaPostureChecks,
  techInsightsModuleHaPostureFacts,
} from './module';
import { HA_POSTURE_FACT_RETRIEVER_ID } from './facts/haPostureFactRetriever';
import { HA_REVIEW_FACT_RETRIEVER_ID } from './facts/haReviewFactRetriever';

jest.setTimeout(180_000);

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus/service',
);
const ENTITY = 'component:default/eni-todo';
const ALICE = 'user:default/alice'; // dev-team, owns eni-todo
const BRUNO = 'user:default/bruno'; // ops-team
const GROUPS: Record<string, string[]> = {
  [ALICE]: ['group:default/dev-team'],
  [BRUNO]: ['group:default/ops-team'],
};
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const DEV_ITEMS = ['dev-load-tested', 'dev-restore-tested', 'dev-runbook'];
const OPS_ITEMS = ['ops-on-call', 'ops-monitoring', 'ops-backups'];

/** eni-todo, whose manifests (a copy of the HA stack) the test may degrade. */
function entityIn(dir: string): Entity {
  const location = `file:${path.join(dir, 'catalog-info.yaml')}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'eni-todo',
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        [MANIFESTS_PATH_ANNOTATION]: '.',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
  };
}

/** Gives the real catalog backend `entities`, as an entity provider does. */
const catalogEntities = (entities: Entity[]) =>
  createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-entities',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'test-entities',
            connect: connection =>
              connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  entity,
                  locationKey: 'test-entities',
                })),
              }),
          });
        },
      });
    },
  });

describe('the handoff review in Tech Insights', () => {
  const manifests = fs.mkdtempSync(path.join(os.tmpdir(), 'eni-todo-'));
  const scheduler = mockServices.scheduler();
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    fs.cpSync(path.join(corpus, 'eni-todo-ha'), manifests, { recursive: true });
    const entity = entityIn(manifests);
    const backend = await startTestBackend({
      features: [
        techInsightsPlugin,
        techInsightsModuleHaPostureFacts,
        techInsightsModuleHaPostureChecks,
        haPosturePlugin,
        handoffReviewPlugin,
        catalogPlugin,
        catalogEntities([entity]),
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
        // One scheduler for every plugin; tasks run when the test triggers them.
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [{ type: 'config', clusters: [] }],
            },
            techInsights: {
              factRetrievers: {
                [HA_POSTURE_FACT_RETRIEVER_ID]: { cadence: '*/10 * * * *' },
                [HA_REVIEW_FACT_RETRIEVER_ID]: { cadence: '*/10 * * * *' },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    // The catalog stitches its entities on its own loop: wait until eni-todo is there.
    for (let res; res?.status !== 200; ) {
      res = await request(server)
        .get('/api/catalog/entities/by-name/component/default/eni-todo')
        .set('Authorization', mockCredentials.service.header());
      if (res.status !== 200) await new Promise(r => setTimeout(r, 200));
    }
    await scheduler.triggerTask('ha-posture-refresh');
  });

  afterAll(async () => {
    await stop();
    fs.rmSync(manifests, { recursive: true, force: true });
  });

  /** Runs the review retriever, then the checks as Alice; answers the review check's result and the facts. */
  const review = async () => {
    await scheduler.triggerTask(HA_REVIEW_FACT_RETRIEVER_ID);
    const facts = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({ entity: ENTITY, ids: [HA_REVIEW_FACT_RETRIEVER_ID] })
      .set(as(ALICE));
    const checks = await request(server)
      .post('/api/tech-insights/checks/run/default/component/eni-todo')
      .send({ checks: ['haReviewSignedAndNotStale'] })
      .set(as(ALICE));
    expect([facts.status, checks.status]).toEqual([200, 200]);
    return {
      facts: facts.body[HA_REVIEW_FACT_RETRIEVER_ID]?.facts,
      passes: checks.body.find(
        (r: { check: { id: string } }) =>
          r.check.id === 'haReviewSignedAndNotStale',
      )?.result,
    };
  };

  const change = async (reviewView: any, user: string, body: object) => {
    const res = await request(server)
      .post(`/api/handoff-review/reviews/${reviewView.id}/changes`)
      .set(as(user))
      .send({ version: reviewView.version, change: body });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    return res.body;
  };

  it('fails with no review, fails while unsigned or signed by one side, passes once both signed, fails once stale', async () => {
    expect(await review()).toEqual({
      passes: false,
      facts: {
        reviewStatus: 'none',
        reviewSignedByDev: false,
        reviewSignedByOps: false,
        reviewStale: false,
        reviewWaivers: 0,
        reviewWaiversExpiringSoon: 0,
      },
    });

    const opened = await request(server)
      .post('/api/handoff-review/reviews')
      .set(as(ALICE))
      .send({ entityRef: ENTITY });
    expect([opened.status, opened.body.error?.message]).toEqual([
      201,
      undefined,
    ]);
    let current = opened.body;
    for (const itemId of DEV_ITEMS)
      current = await change(current, ALICE, {
        action: 'answer',
        itemId,
        done: true,
      });
    for (const itemId of OPS_ITEMS)
      current = await change(current, BRUNO, {
        action: 'answer',
        itemId,
        done: true,
      });
    current = await change(current, BRUNO, {
      action: 'waive',
      itemId: 'posture-control-plane',
      reason: 'three API servers, see the cluster page',
      expiresOn: new Date(Date.now() + 86400_000).toISOString().slice(0, 10),
    });
    expect(await review()).toMatchObject({
      passes: false,
      facts: { reviewStatus: 'in-progress', reviewSignedByDev: false },
    });

    current = await change(current, ALICE, { action: 'sign-off', side: 'dev' });
    expect(await review()).toMatchObject({
      passes: false,
      facts: {
        reviewStatus: 'in-progress',
        reviewSignedByDev: true,
        reviewSignedByOps: false,
      },
    });

    await change(current, BRUNO, { action: 'sign-off', side: 'ops' });
    expect(await review()).toEqual({
      passes: true,
      facts: {
        reviewStatus: 'approved',
        reviewSignedByDev: true,
        reviewSignedByOps: true,
        reviewStale: false,
        reviewWaivers: 1,
        reviewWaiversExpiringSoon: 1,
      },
    });

    // The service loses its replicas after the sign-off: the posture degrades.
    fs.cpSync(path.join(corpus, 'eni-todo-fragile'), manifests, {
      recursive: true,
    });
    await scheduler.triggerTask('ha-posture-refresh');
    expect(await review()).toMatchObject({
      passes: false,
      facts: { reviewStatus: 'approved', reviewStale: true },
    });
  });
});
