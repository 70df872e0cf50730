import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import request from 'supertest';
import {
  notificationsOf as notificationsOfUser,
  postureComponent,
  sharedScheduler,
  teamGroup,
} from '@diehard/backend-test-utils';
import {
  ALICE,
  BRUNO,
  CAROL,
  startReviewBackend,
} from '../__testUtils__/reviewBackend';
import {
  change,
  DEV_ITEMS,
  openReview,
  OPS_ITEMS,
} from '../__testUtils__/requests';

jest.setTimeout(60_000);

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus',
);

const inDays = (days: number) =>
  new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

describe('handoff review notifications', () => {
  let server: any;
  let stop: () => Promise<void>;
  const { scheduler, factory: schedulerFactory } = sharedScheduler();
  const check = () => scheduler.triggerTask('handoff-review-notifications');
  let folder: string;
  const useManifests = (corpusFolder: string) =>
    fs.copyFile(
      path.join(corpus, corpusFolder, 'manifests.yaml'),
      path.join(folder, 'manifests.yaml'),
    );

  const notificationsOf = (user: string) =>
    notificationsOfUser<{
      id: string;
      read: string | null;
      payload: { title: string; description: string };
    }>(server, user);
  const titlesOf = async (user: string) =>
    (await notificationsOf(user)).map(n => n.payload.title).sort();
  /** The description of the user's notification whose title starts so. */
  const descriptionOf = async (user: string, titleStart: string) =>
    (await notificationsOf(user)).find(n =>
      n.payload.title.startsWith(titleStart),
    )?.payload.description;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'review-notify-'));
    const backend = await startReviewBackend({
      features: [notificationsPlugin, schedulerFactory],
      // A component whose manifests the test changes: `folder` is its repository.
      entities: [
        teamGroup('dev-team', ALICE),
        teamGroup('ops-team', BRUNO),
        postureComponent('shop', path.join(folder, 'catalog-info.yaml')),
      ],
      config: {
        app: { baseUrl: 'http://localhost:3000' },
        diehard: { notifications: { waiverExpiryDays: 7 } },
      },
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('asks each side once for its sign-off, and tells the owner and the waiving side once of a waiver running out', async () => {
    let review = await openReview(
      server,
      'component:default/eni-todo-ha',
      ALICE,
    );
    const act = async (user: string, body: object) => {
      const res = await change(server, review, user, body);
      expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
      review = res.body;
    };
    for (const itemId of DEV_ITEMS)
      await act(ALICE, { action: 'answer', itemId, done: true });
    for (const itemId of OPS_ITEMS)
      await act(BRUNO, { action: 'answer', itemId, done: true });
    // Items are still open: nobody is asked to sign yet.
    expect(await titlesOf(ALICE)).toEqual([]);

    await act(BRUNO, {
      action: 'waive',
      itemId: 'posture-control-plane',
      reason: 'three API servers and etcd members',
      expiresOn: inDays(3),
    });
    expect(await titlesOf(ALICE)).toEqual([
      'eni-todo-ha: handoff review ready for the Dev sign-off / revue prête pour la signature Dev',
    ]);
    expect(await titlesOf(BRUNO)).toEqual([
      'eni-todo-ha: handoff review ready for the Ops sign-off / revue prête pour la signature Ops',
    ]);
    // No per-user language in notifications: each says it in English, then in French.
    expect(await descriptionOf(BRUNO, 'eni-todo-ha: handoff review')).toBe(
      'Every item is passed or waived: sign off for the Ops side. — Chaque point est conforme ou couvert par une dérogation : signez pour le côté Ops.',
    );

    // Dev signs: Ops was already asked, and is not asked twice.
    await act(ALICE, { action: 'sign-off', side: 'dev' });
    expect(await titlesOf(BRUNO)).toHaveLength(1);

    await check();
    // Read, then checked again: the same waiver is not brought back as unread.
    const alices = await notificationsOf(ALICE);
    await request(server)
      .post('/api/notifications/update')
      .set('Authorization', mockCredentials.user.header(ALICE))
      .send({ ids: alices.map(n => n.id), read: true })
      .expect(200);
    await check();
    expect((await notificationsOf(ALICE)).filter(n => !n.read)).toEqual([]);
    const expiresOn = inDays(3);
    const waiver = `eni-todo-ha: waiver of 'posture-control-plane' expires on ${expiresOn} / la dérogation expire le ${expiresOn}`;
    expect(await titlesOf(ALICE)).toEqual([
      'eni-todo-ha: handoff review ready for the Dev sign-off / revue prête pour la signature Dev',
      waiver,
    ]);
    expect(await titlesOf(BRUNO)).toEqual([
      'eni-todo-ha: handoff review ready for the Ops sign-off / revue prête pour la signature Ops',
      waiver,
    ]);
    expect(await descriptionOf(ALICE, 'eni-todo-ha: waiver')).toBe(
      `Fix the item or renew its waiver before then. — Corrigez le point « posture-control-plane » ou renouvelez sa dérogation avant le ${expiresOn}.`,
    );
    expect(await titlesOf(CAROL)).toEqual([]);
  });

  it('tells the owner group once when an approved review turns stale', async () => {
    await useManifests('replicas/three-replicas');
    await scheduler.triggerTask('ha-posture-refresh');
    let review = await openReview(server, 'component:default/shop', ALICE);
    const act = async (user: string, body: object) => {
      const res = await change(server, review, user, body);
      expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
      review = res.body;
    };
    for (const item of review.items) {
      if (review.itemStates[item.id] === 'passed') continue;
      const user = item.side === 'dev' ? ALICE : BRUNO;
      await act(
        user,
        item.kind === 'manual'
          ? { action: 'answer', itemId: item.id, done: true }
          : {
              action: 'waive',
              itemId: item.id,
              reason: 'accepted for this service',
              expiresOn: inDays(30),
            },
      );
    }
    await act(ALICE, { action: 'sign-off', side: 'dev' });
    await act(BRUNO, { action: 'sign-off', side: 'ops' });
    expect(review.status).toBe('approved');
    const staleTitles = async () =>
      (await titlesOf(ALICE)).filter(t =>
        t.startsWith('shop: handoff review is stale'),
      );
    await check();
    expect(await staleTitles()).toEqual([]);

    // One replica left: worse than what both sides signed.
    await useManifests('replicas/single-replica');
    await scheduler.triggerTask('ha-posture-refresh');
    await check();
    await check();
    expect(await staleTitles()).toEqual([
      'shop: handoff review is stale / revue de passation caduque',
    ]);
    expect(await descriptionOf(ALICE, 'shop: handoff review is stale')).toBe(
      "The approved review no longer holds: the posture got worse (grade A signed, D now). — La revue validée n'est plus d'actualité : la posture s'est dégradée (note A à la signature, D aujourd'hui).",
    );
    expect(
      (await titlesOf(BRUNO)).filter(t =>
        t.startsWith('shop: handoff review is stale'),
      ),
    ).toEqual([]);
  });
});
