import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ALICE,
  as,
  BRUNO,
  CAROL,
  RESTRICTED,
  startReviewBackend,
} from './__testUtils__/reviewBackend';
import {
  change,
  HA,
  openReview,
  readyForSignOff,
  tomorrow,
} from './__testUtils__/requests';
import {
  RESTRICTED_SERVICE_TOKEN,
  restrictedServiceAuthFactory,
} from './__testUtils__/restrictedService';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

/** A plugin's own token, as Tech Insights calls with (no access restrictions). */
const SERVICE = {
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:tech-insights'),
    targetPluginId: 'handoff-review',
  }),
};

const stateOf = (
  server: any,
  entityRef: string,
  headers: Record<string, string>,
) =>
  request(server)
    .get('/api/handoff-review/review-state')
    .query({ entityRef })
    .set(headers);

describe('GET /review-state', () => {
  it('follows a review from none to in progress to approved, for users and services alike', async () => {
    const { server } = await startReviewBackend();
    const none = await stateOf(server, HA, SERVICE);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({
      entityRef: HA,
      status: 'none',
      signedBy: [],
      stale: false,
      staleReasons: [],
      waivers: [],
    });

    let review = await openReview(server);
    review = await readyForSignOff(server, review);
    review = (
      await change(server, review, ALICE, { action: 'sign-off', side: 'dev' })
    ).body;
    const devSigned = await stateOf(server, HA, SERVICE);
    expect(devSigned.body).toMatchObject({
      status: 'in-progress',
      reviewId: review.id,
      signedBy: ['dev'],
      stale: false,
      waivers: [{ itemId: 'posture-control-plane', expiresOn: tomorrow() }],
    });

    await change(server, review, BRUNO, { action: 'sign-off', side: 'ops' });
    for (const headers of [SERVICE, as(CAROL)]) {
      const approved = await stateOf(server, HA, headers);
      expect([approved.status, approved.body]).toMatchObject([
        200,
        { status: 'approved', signedBy: ['dev', 'ops'], stale: false },
      ]);
    }
  });

  it('answers 404 to a user who cannot read the entity, as for no entity at all', async () => {
    const { server } = await startReviewBackend();
    await openReview(server, RESTRICTED);
    const hidden = await stateOf(server, RESTRICTED, as(CAROL));
    expect([hidden.status, hidden.body.error?.message]).toEqual([
      404,
      `no entity ${RESTRICTED} in the catalog`,
    ]);
    expect((await stateOf(server, RESTRICTED, as(ALICE))).body.status).toBe(
      'in-progress',
    );
  });

  it('refuses a service whose token does not allow handoff-review.read, and a user the policy refuses', async () => {
    const { server } = await startReviewBackend({
      teamsOnlyPolicy: true,
      features: [restrictedServiceAuthFactory],
    });
    const restricted = await stateOf(server, HA, {
      Authorization: `Bearer ${RESTRICTED_SERVICE_TOKEN}`,
    });
    expect([restricted.status, restricted.body.error?.message]).toEqual([
      403,
      `the permission policy refuses handoff-review.read on ${HA}`,
    ]);
    const outsider = await stateOf(server, HA, as(CAROL));
    expect(outsider.status).toBe(403);
    expect((await stateOf(server, HA, SERVICE)).status).toBe(200);
    expect((await stateOf(server, HA, as(ALICE))).status).toBe(200);
  });

  it('refuses a request without a valid entity ref, naming the field', async () => {
    const { server } = await startReviewBackend();
    for (const entityRef of ['', 'not a ref', 'component:default/../x']) {
      const res = await stateOf(server, entityRef, SERVICE);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/entityRef/);
    }
    const anonymous = await request(server)
      .get('/api/handoff-review/review-state')
      .query({ entityRef: HA })
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});
