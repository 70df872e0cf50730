import request from 'supertest';
import { ALICE, as, BRUNO } from './reviewBackend';

export const HA = 'component:default/eni-todo-ha';

/** The default checklist's manual items, each side's. */
export const DEV_ITEMS = [
  'dev-load-tested',
  'dev-restore-tested',
  'dev-runbook',
];
export const OPS_ITEMS = ['ops-on-call', 'ops-monitoring', 'ops-backups'];

export const tomorrow = () =>
  new Date(Date.now() + 86400_000).toISOString().slice(0, 10);

/** POST /reviews as `user`, without asserting the answer. */
export function postReview(server: any, user: string, entityRef = HA) {
  return request(server)
    .post('/api/handoff-review/reviews')
    .set(as(user))
    .send({ entityRef });
}

/** Opens a review as Alice (Dev) and returns it. */
export async function openReview(server: any, entityRef = HA, user = ALICE) {
  const res = await postReview(server, user, entityRef);
  expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
  return res.body;
}

/** Sends one change on the version `review` carries. */
export function change(server: any, review: any, user: string, body: object) {
  return request(server)
    .post(`/api/handoff-review/reviews/${review.id}/changes`)
    .set(as(user))
    .send({ version: review.version, change: body });
}

export async function getReview(server: any, id: string, user = ALICE) {
  return (
    await request(server).get(`/api/handoff-review/reviews/${id}`).set(as(user))
  ).body;
}

export async function historyOf(server: any, id: string, user = ALICE) {
  return (
    await request(server)
      .get(`/api/handoff-review/reviews/${id}/history`)
      .set(as(user))
  ).body.events as Array<{ action: string; actor: string; detail: any }>;
}

/** Answers the given manual items as done, one change each; returns the last view. */
export async function answerAll(
  server: any,
  review: any,
  user: string,
  itemIds: string[],
) {
  let current = review;
  for (const itemId of itemIds) {
    const res = await change(server, current, user, {
      action: 'answer',
      itemId,
      done: true,
    });
    expect(res.status).toBe(200);
    current = res.body;
  }
  return current;
}

/**
 * Alice and Bruno answer their manual items and Bruno waives the control plane (the one
 * check eni-todo-ha cannot pass without a cluster): the review waits for its sign-offs.
 */
export async function readyForSignOff(
  server: any,
  review: any,
  reason = 'three API servers, see the cluster page',
) {
  let current = await answerAll(server, review, ALICE, DEV_ITEMS);
  current = await answerAll(server, current, BRUNO, OPS_ITEMS);
  const res = await change(server, current, BRUNO, {
    action: 'waive',
    itemId: 'posture-control-plane',
    reason,
    expiresOn: tomorrow(),
  });
  expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
  return res.body;
}
