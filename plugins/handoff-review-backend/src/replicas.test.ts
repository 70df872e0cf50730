import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  backstageDatabaseConfig,
  dropDatabasesWithPrefix,
  useLab,
} from '@diehard/lab';
import {
  ALICE,
  as,
  BRUNO,
  startReviewBackend,
} from './__testUtils__/reviewBackend';

jest.setTimeout(300_000);

/**
 * Two backend replicas on one real PostgreSQL: concurrent answers and sign-offs sent
 * to both must each be either recorded in the history or refused with a conflict,
 * never lost.
 */
describe('handoff reviews on two replicas sharing PostgreSQL', () => {
  const prefix = `diehard_review_${randomBytes(4).toString('hex')}_`;
  let pg: Awaited<ReturnType<typeof useLab<'postgres'>>>['postgres'];

  beforeAll(async () => {
    pg = (await useLab(['postgres'])).postgres;
  });

  afterAll(() => dropDatabasesWithPrefix(pg, prefix));

  it('records every accepted change and loses none', async () => {
    const database = backstageDatabaseConfig(pg, prefix);
    const one = await startReviewBackend({ database });
    const two = await startReviewBackend({ database });
    const replicas = [one.server, two.server];

    const opened = await request(one.server)
      .post('/api/handoff-review/reviews')
      .set(as(ALICE))
      .send({ entityRef: 'component:default/eni-todo-ha' });
    expect(opened.status).toBe(201);
    const id = opened.body.id;

    // Everyone answers at once, each through either replica, retrying on conflict
    // the way the UI does (reload, re-apply).
    const answers = [
      ...['dev-load-tested', 'dev-restore-tested', 'dev-runbook'].map(
        itemId => ({ user: ALICE, itemId }),
      ),
      ...['ops-on-call', 'ops-monitoring', 'ops-backups'].map(itemId => ({
        user: BRUNO,
        itemId,
      })),
    ];
    let conflicts = 0;
    const accepted: string[] = [];
    await Promise.all(
      answers.map(async ({ user, itemId }, i) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const server = replicas[(i + attempt) % 2];
          const current = await request(server)
            .get(`/api/handoff-review/reviews/${id}`)
            .set(as(user));
          const res = await request(server)
            .post(`/api/handoff-review/reviews/${id}/changes`)
            .set(as(user))
            .send({
              version: current.body.version,
              change: { action: 'answer', itemId, done: true },
            });
          if (res.status === 200) {
            accepted.push(itemId);
            return;
          }
          expect(res.status).toBe(409);
          conflicts += 1;
        }
        throw new Error(`${itemId} never got through`);
      }),
    );

    // Two sign-offs of the same version on different replicas: exactly one wins.
    const before = await request(one.server)
      .get(`/api/handoff-review/reviews/${id}`)
      .set(as(ALICE));
    const waive = await request(two.server)
      .post(`/api/handoff-review/reviews/${id}/changes`)
      .set(as(BRUNO))
      .send({
        version: before.body.version,
        change: {
          action: 'waive',
          itemId: 'posture-control-plane',
          reason: 'cluster reviewed separately',
          expiresOn: new Date(Date.now() + 7 * 86400_000)
            .toISOString()
            .slice(0, 10),
        },
      });
    expect(waive.status).toBe(200);
    const version = waive.body.version;
    const race = await Promise.all([
      request(one.server)
        .post(`/api/handoff-review/reviews/${id}/changes`)
        .set(as(ALICE))
        .send({ version, change: { action: 'sign-off', side: 'dev' } }),
      request(two.server)
        .post(`/api/handoff-review/reviews/${id}/changes`)
        .set(as(BRUNO))
        .send({ version, change: { action: 'sign-off', side: 'ops' } }),
    ]);
    expect(race.map(r => r.status).sort()).toEqual([200, 409]);

    const history = await request(two.server)
      .get(`/api/handoff-review/reviews/${id}/history`)
      .set(as(ALICE));
    const events = history.body.events;
    // open + 6 answers + waive + the one sign-off that won, versions 1..9 without a gap.
    expect(events.map((e: any) => e.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(
      events
        .filter((e: any) => e.action === 'answer')
        .map((e: any) => e.detail.itemId)
        .sort(),
    ).toEqual([...accepted].sort());
    const final = await request(one.server)
      .get(`/api/handoff-review/reviews/${id}`)
      .set(as(ALICE));
    for (const itemId of accepted) {
      expect(final.body.itemStates[itemId]).toBe('passed');
    }
    expect(final.body.signOffs).toHaveLength(1);
    // Some answers really did collide: the test exercised the conflict path.
    expect(conflicts).toBeGreaterThan(0);

    await one.stop();
    await two.stop();
  });
});
