import request from 'supertest';
import {
  ALICE,
  as,
  BRUNO,
  CAROL,
  startReviewBackend,
} from './__testUtils__/reviewBackend';
import {
  change,
  getReview,
  HA,
  historyOf,
  openReview,
  postReview,
  readyForSignOff,
  tomorrow,
} from './__testUtils__/requests';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const WAIVE_CONTROL_PLANE = {
  action: 'waive',
  itemId: 'posture-control-plane',
  reason: 'three API servers, see the cluster page',
  expiresOn: tomorrow(),
};

/**
 * The real permission backend with the README's example policy (TeamsOnlyPolicy):
 * reviews are for dev-team and ops-team members, and only Ops waives.
 */
describe('handoff reviews under a permission policy', () => {
  it('lets the two teams complete a review', async () => {
    const { server } = await startReviewBackend({ teamsOnlyPolicy: true });
    let review = await openReview(server);
    review = await readyForSignOff(server, review);
    review = (
      await change(server, review, ALICE, { action: 'sign-off', side: 'dev' })
    ).body;
    const signed = await change(server, review, BRUNO, {
      action: 'sign-off',
      side: 'ops',
    });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('approved');
  });

  it('refuses opening, answering, waiving and both sign-offs to a user outside the teams, and changes nothing', async () => {
    const { server } = await startReviewBackend({ teamsOnlyPolicy: true });

    const open = await postReview(server, CAROL);
    expect(open.status).toBe(403);
    expect(open.body.error).toMatchObject({
      message: `the permission policy refuses handoff-review.create on ${HA} to ${CAROL}`,
      reason: 'policy-refused',
      permission: 'handoff-review.create',
      entityRef: HA,
    });
    const list = await request(server)
      .get('/api/handoff-review/reviews')
      .set(as(CAROL));
    expect(list.body.reviews).toEqual([]);

    // A review ready for both sign-offs, so only the policy stands in Carol's way.
    let review = await openReview(server);
    review = await readyForSignOff(server, review);
    const before = await getReview(server, review.id);
    const eventsBefore = await historyOf(server, review.id);

    const attempts: Array<[string, object]> = [
      ['answer', { action: 'answer', itemId: 'dev-runbook', done: false }],
      ['answer', { action: 'comment', itemId: 'dev-runbook', text: 'hm' }],
      ['waive', { ...WAIVE_CONTROL_PLANE, itemId: 'posture-network' }],
      ['sign-off', { action: 'sign-off', side: 'dev' }],
      ['sign-off', { action: 'sign-off', side: 'ops' }],
    ];
    for (const [permission, body] of attempts) {
      const res = await change(server, review, CAROL, body);
      expect([res.status, res.body.error]).toEqual([
        403,
        expect.objectContaining({
          message: `the permission policy refuses handoff-review.${permission} on ${HA} to ${CAROL}`,
          reason: 'policy-refused',
          permission: `handoff-review.${permission}`,
          entityRef: HA,
        }),
      ]);
    }

    expect(await getReview(server, review.id)).toEqual(before);
    expect(await historyOf(server, review.id)).toEqual(eventsBefore);
  });

  it('refuses a review, its history and its export to a user the policy does not let read reviews, and leaves it out of lists', async () => {
    const { server } = await startReviewBackend({ teamsOnlyPolicy: true });
    const review = await openReview(server);
    await change(server, review, ALICE, {
      action: 'comment',
      itemId: 'dev-runbook',
      text: 'internal details',
    });
    for (const path of ['', '/history', '/export']) {
      const res = await request(server)
        .get(`/api/handoff-review/reviews/${review.id}${path}`)
        .set(as(CAROL));
      expect([path, res.status, res.body.error]).toEqual([
        path,
        403,
        expect.objectContaining({
          message: `the permission policy refuses handoff-review.read on ${HA} to ${CAROL}`,
          reason: 'policy-refused',
          permission: 'handoff-review.read',
          entityRef: HA,
        }),
      ]);
      expect(res.text).not.toContain('internal details');
    }
    for (const query of ['', `?entityRef=${HA}`]) {
      const listed = await request(server)
        .get(`/api/handoff-review/reviews${query}`)
        .set(as(CAROL));
      expect([listed.status, listed.body.reviews]).toEqual([200, []]);
    }
    const bruno = await request(server)
      .get('/api/handoff-review/reviews')
      .set(as(BRUNO));
    expect(bruno.body.reviews.map((r: any) => r.id)).toEqual([review.id]);
    expect(
      (await historyOf(server, review.id, BRUNO)).map(e => e.action),
    ).toEqual(['open', 'comment']);
  });

  it('refuses a waiver from Dev, though Dev may answer and sign for its own side', async () => {
    const { server } = await startReviewBackend({ teamsOnlyPolicy: true });
    const review = await openReview(server);
    const waive = await change(server, review, ALICE, WAIVE_CONTROL_PLANE);
    expect(waive.status).toBe(403);
    expect(waive.body.error.message).toBe(
      `the permission policy refuses handoff-review.waive on ${HA} to ${ALICE}`,
    );
    const after = await getReview(server, review.id);
    expect(after.version).toBe(review.version);
    expect(after.itemStates['posture-control-plane']).toBe('open');
    expect((await historyOf(server, review.id)).map(e => e.action)).toEqual([
      'open',
    ]);
  });

  it('refuses a Dev sign-off for Ops even when the policy lets Dev sign', async () => {
    const { server } = await startReviewBackend({ teamsOnlyPolicy: true });
    let review = await openReview(server);
    review = await readyForSignOff(server, review);
    const res = await change(server, review, ALICE, {
      action: 'sign-off',
      side: 'ops',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `this sign-off is for the Ops side: ${ALICE} is not a member of group:default/ops-team`,
    );
    expect((await getReview(server, review.id)).signOffs).toEqual([]);
  });
});
