import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import request from 'supertest';
// The retrievers read the posture and review backends over HTTP: the test runs them, as
// the app does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import handoffReviewPlugin from '@diehard/plugin-handoff-review-backend';
import { MANIFESTS_PATH_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import {
  techInsightsModuleHaPostureChecks,
  techInsightsModuleHaPostureFacts,
} from './module';
import { HA_POSTURE_FACT_RETRIEVER_ID } from './facts/haPostureFactRetriever';
import { HA_REVIEW_FACT_RETRIEVER_ID } from './facts/haReviewFactRetriever';

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus',
);

function component(name: string, folder: string): Entity {
  const location = `file:${path.join(corpus, folder, 'catalog-info.yaml')}`;
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
  };
}

const USER = mockCredentials.user.header('user:default/alice');

describe('HA posture in Tech Insights', () => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const scheduler = mockServices.scheduler();
    const backend = await startTestBackend({
      features: [
        techInsightsPlugin,
        techInsightsModuleHaPostureFacts,
        techInsightsModuleHaPostureChecks,
        haPosturePlugin,
        handoffReviewPlugin,
        catalogServiceMock.factory({
          entities: [
            component('orders', 'replicas/single-replica'),
            component('eni-todo-fragile', 'service/eni-todo-fragile'),
            component('eni-todo-ha', 'service/eni-todo-ha'),
          ],
        }),
        // One scheduler for every plugin; tasks run when the test triggers them.
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
        mockServices.rootConfig.factory({
          data: {
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
    await scheduler.triggerTask('ha-posture-refresh');
    await scheduler.triggerTask(HA_POSTURE_FACT_RETRIEVER_ID);
    await scheduler.triggerTask(HA_REVIEW_FACT_RETRIEVER_ID);
  });

  afterAll(() => stop());

  const factsOf = async (name: string) => {
    const res = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity: `component:default/${name}`,
        ids: [HA_POSTURE_FACT_RETRIEVER_ID],
      })
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    return res.body[HA_POSTURE_FACT_RETRIEVER_ID]?.facts;
  };

  const checksOf = async (name: string) => {
    const res = await request(server)
      .post(`/api/tech-insights/checks/run/default/component/${name}`)
      .send({})
      .set('Authorization', USER);
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    return Object.fromEntries(
      res.body.map((r: { check: { id: string }; result: boolean }) => [
        r.check.id,
        r.result,
      ]),
    );
  };

  it('publishes each service’s grade, score, counts and single points of failure', async () => {
    expect(await factsOf('orders')).toMatchObject({
      grade: 'D',
      score: 65,
      criticalFindings: 1,
      warningFindings: 0,
      singlePointsOfFailure: 1,
      findingsByCategory: { replicas: 1, storage: 0 },
    });
    const fragile = await factsOf('eni-todo-fragile');
    expect(fragile).toMatchObject({
      grade: 'F',
      score: 0,
      findingsByCategory: { sessions: 4, database: 3, storage: 1 },
    });
    expect(fragile.criticalFindings).toBeGreaterThan(0);
    expect(await factsOf('eni-todo-ha')).toMatchObject({
      grade: 'A',
      score: 100,
      criticalFindings: 0,
      warningFindings: 0,
      singlePointsOfFailure: 0,
    });
  });

  it('runs the default checks: grade at least B, no critical finding, review signed and not stale', async () => {
    // No service has a handoff review yet (reviewChecks.test.ts follows one).
    expect(await checksOf('eni-todo-ha')).toEqual({
      haPostureGradeAtLeastB: true,
      haPostureNoCriticalFinding: true,
      haReviewSignedAndNotStale: false,
    });
    expect(await checksOf('orders')).toEqual({
      haPostureGradeAtLeastB: false,
      haPostureNoCriticalFinding: false,
      haReviewSignedAndNotStale: false,
    });
  });
});
