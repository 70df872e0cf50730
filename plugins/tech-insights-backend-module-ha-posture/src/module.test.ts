import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { Entity } from '@backstage/catalog-model';
import { postureComponent } from '@diehard/backend-test-utils';
import { RESTRICTED_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import { HA_POSTURE_FACT_RETRIEVER_ID } from './facts/haPostureFactRetriever';
import { HA_REVIEW_FACT_RETRIEVER_ID } from './facts/haReviewFactRetriever';
import { startTechInsightsBackend } from './__testUtils__/techInsightsBackend';

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus',
);

const component = (name: string, folder: string) =>
  postureComponent(name, path.join(corpus, folder, 'catalog-info.yaml'));

/** Readable only by its owners and Ops (the shipped policy). */
const restricted = (entity: Entity): Entity => ({
  ...entity,
  metadata: {
    ...entity.metadata,
    annotations: {
      ...entity.metadata.annotations,
      [RESTRICTED_ANNOTATION]: 'true',
    },
  },
});

const USER = mockCredentials.user.header('user:default/alice');

describe('HA posture in Tech Insights', () => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const { backend, scheduler } = await startTechInsightsBackend([
      catalogServiceMock.factory({
        entities: [
          component('orders', 'replicas/single-replica'),
          component('eni-todo-fragile', 'service/eni-todo-fragile'),
          component('eni-todo-ha', 'service/eni-todo-ha'),
          restricted(component('ledger', 'replicas/single-replica')),
        ],
      }),
    ]);
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

  it('publishes nothing of a restricted service: Tech Insights serves facts to every signed-in user', async () => {
    const res = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity: 'component:default/ledger',
        ids: [HA_POSTURE_FACT_RETRIEVER_ID, HA_REVIEW_FACT_RETRIEVER_ID],
      })
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    // Its posture was evaluated: it is the publishing that leaves it out.
    const posture = await request(server)
      .get('/api/ha-posture/entities/component/default/ledger')
      .set('Authorization', mockCredentials.service.header());
    expect(posture.body.grade).toBe('D');
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
