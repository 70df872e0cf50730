import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import permissionModuleDiehardPolicy from '@diehard/plugin-permission-backend-module-diehard';
import {
  actorAuthFactory,
  catalogEntitiesModule,
  postureComponent,
  userInfoWithMemberships,
  waitForComponents,
} from '@diehard/backend-test-utils';
import { HA_REVIEW_FACT_RETRIEVER_ID } from './facts/haReviewFactRetriever';
import { startTechInsightsBackend } from './__testUtils__/techInsightsBackend';

jest.setTimeout(180_000);

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus/service',
);
const ENTITY = 'component:default/eni-todo';
const ALICE = 'user:default/alice'; // dev-team, owns eni-todo
const BRUNO = 'user:default/bruno'; // ops-team
const MEMBERSHIPS: Record<string, string[]> = {
  [ALICE]: [ALICE, 'group:default/dev-team'],
  [BRUNO]: [BRUNO, 'group:default/ops-team'],
};
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const DEV_ITEMS = ['dev-load-tested', 'dev-restore-tested', 'dev-runbook'];
const OPS_ITEMS = ['ops-on-call', 'ops-monitoring', 'ops-backups'];

describe('the handoff review in Tech Insights', () => {
  const manifests = fs.mkdtempSync(path.join(os.tmpdir(), 'eni-todo-'));
  let scheduler: Awaited<
    ReturnType<typeof startTechInsightsBackend>
  >['scheduler'];
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    fs.cpSync(path.join(corpus, 'eni-todo-ha'), manifests, { recursive: true });
    // eni-todo, whose manifests (a copy of the HA stack) the test may degrade.
    const entity = postureComponent(
      'eni-todo',
      path.join(manifests, 'catalog-info.yaml'),
    );
    const started = await startTechInsightsBackend(
      [
        catalogPlugin,
        catalogEntitiesModule([entity]),
        permissionPlugin,
        permissionModuleDiehardPolicy,
        actorAuthFactory,
        userInfoWithMemberships(MEMBERSHIPS),
      ],
      { permission: { enabled: true } },
    );
    scheduler = started.scheduler;
    server = started.backend.server;
    stop = () => started.backend.stop();
    await waitForComponents(server, ['eni-todo']);
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
