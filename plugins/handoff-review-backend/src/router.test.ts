import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { auditEvents } from '@diehard/backend-test-utils';
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
  getReview,
  HA,
  postReview,
  readyForSignOff,
  historyOf,
  openReview,
  tomorrow,
} from './__testUtils__/requests';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

describe('handoff reviews', () => {
  it("opens a review with the posture checklist and both sides' manual items", async () => {
    const { server } = await startReviewBackend();
    const review = await openReview(server);
    expect(review.status).toBe('open');
    expect(review.devGroup).toBe('group:default/dev-team');
    expect(review.posture.grade).toBe('A');
    const automatic = review.items.filter((i: any) => i.kind === 'automatic');
    expect(automatic).toHaveLength(13);
    expect(review.itemStates['posture-sessions']).toBe('passed');
    // Manifests say nothing of the cluster's control plane: someone must vouch for it.
    expect(review.itemStates['posture-control-plane']).toBe('open');
    // Each passing item says what the engine judged.
    const checked = (id: string) =>
      review.items.find((i: any) => i.id === id).checked;
    expect(checked('posture-database')).toEqual([
      'StatefulSet/eni-todo/galera',
    ]);
    expect(checked('posture-storage')).toEqual([
      'PersistentVolumeClaim/eni-todo/todo-web-uploads',
    ]);
    expect(checked('posture-ingress')).toEqual(['Ingress/eni-todo/todo-web']);
    expect(checked('posture-replicas')).toEqual([
      'StatefulSet/eni-todo/galera',
      'Deployment/eni-todo/todo-web',
    ]);
    expect(checked('posture-control-plane')).toBeUndefined();
    expect(
      review.items
        .filter((i: any) => i.kind === 'manual')
        .map((i: any) => i.id),
    ).toEqual([
      'dev-load-tested',
      'dev-restore-tested',
      'dev-runbook',
      'ops-on-call',
      'ops-monitoring',
      'ops-backups',
    ]);
  });

  it('shows failing evidence for a fragile service', async () => {
    const { server } = await startReviewBackend();
    const review = await openReview(
      server,
      'component:default/eni-todo-fragile',
    );
    expect(review.itemStates['posture-sessions']).toBe('failed');
    const sessions = review.items.find((i: any) => i.id === 'posture-sessions');
    expect(sessions.findings.length).toBeGreaterThan(0);
    // The same findings as message ids, for the reader's language.
    expect(
      sessions.findingMessages.map((f: any) => typeof f.message.id),
    ).toEqual(sessions.findings.map(() => 'string'));

    const french = await request(server)
      .get(`/api/handoff-review/reviews/${review.id}/export?lang=fr`)
      .set(as(ALICE));
    expect(french.status).toBe(200);
    expect(french.get('content-language')).toBe('fr');
    expect(french.text).toContain(
      '# Revue de passation : component:default/eni-todo-fragile',
    );
    expect(french.text).toContain(
      '[ ] Sessions HTTP répliquées — non conforme',
    );
    expect(french.text).toMatch(/\n {2}- critique : /);
    const byHeader = await request(server)
      .get(`/api/handoff-review/reviews/${review.id}/export`)
      .set(as(ALICE))
      .set('Accept-Language', 'fr-FR,fr;q=0.9,en;q=0.8');
    expect(byHeader.text).toBe(french.text);
    const unknown = await request(server)
      .get(`/api/handoff-review/reviews/${review.id}/export?lang=de`)
      .set(as(ALICE));
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('lang must be en or fr');
  });

  it('goes from open to approved by one Dev and one Ops sign-off, and keeps every step', async () => {
    const { server } = await startReviewBackend();
    let review = await openReview(server);

    review = await readyForSignOff(
      server,
      review,
      'three API servers and etcd members, see the cluster page',
    );
    expect(review.itemStates['posture-control-plane']).toBe('waived');

    review = (
      await change(server, review, ALICE, { action: 'sign-off', side: 'dev' })
    ).body;
    expect(review.status).toBe('open');
    review = (
      await change(server, review, BRUNO, { action: 'sign-off', side: 'ops' })
    ).body;
    expect(review.status).toBe('approved');
    expect(review.stale).toBe(false);
    expect(
      review.signOffs.map((s: any) => [s.side, s.by, s.posture.grade]),
    ).toEqual([
      ['dev', ALICE, 'A'],
      ['ops', BRUNO, 'A'],
    ]);

    const history = await request(server)
      .get(`/api/handoff-review/reviews/${review.id}/history`)
      .set(as(BRUNO));
    expect(history.body.events.map((e: any) => e.action)).toEqual([
      'open',
      'answer',
      'answer',
      'answer',
      'answer',
      'answer',
      'answer',
      'waive',
      'sign-off',
      'sign-off',
    ]);
    expect(history.body.events.map((e: any) => e.version)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);

    const exported = await request(server)
      .get(`/api/handoff-review/reviews/${review.id}/export`)
      .set(as(ALICE));
    expect(exported.type).toBe('text/markdown');
    expect(exported.text).toContain(
      '# Handoff review: component:default/eni-todo-ha',
    );
    expect(exported.text).toContain('Status: **approved**');
    expect(exported.text).toContain('[x] Runbook written — passed');
    expect(exported.text).toContain(
      `waived by ${BRUNO} until ${tomorrow()}: three API servers and etcd members`,
    );
    expect(exported.text).toContain(`- Ops: ${BRUNO} on`);

    const approved = await request(server)
      .get('/api/handoff-review/reviews?status=approved')
      .set(as(CAROL));
    expect(approved.body.reviews.map((r: any) => r.id)).toEqual([review.id]);
  });

  it('records comments, and withdraws both sign-offs when an answer changes after approval', async () => {
    const { server } = await startReviewBackend();
    let review = await openReview(server);
    review = await readyForSignOff(server, review, 'three API servers');
    review = (
      await change(server, review, ALICE, { action: 'sign-off', side: 'dev' })
    ).body;
    review = (
      await change(server, review, BRUNO, { action: 'sign-off', side: 'ops' })
    ).body;
    expect(review.status).toBe('approved');

    // A comment (from anyone signed in) keeps the sign-offs: it changes no answer.
    const commented = await change(server, review, CAROL, {
      action: 'comment',
      itemId: 'ops-backups',
      text: 'Restores are tested monthly?',
    });
    expect(commented.status).toBe(200);
    review = commented.body;
    expect(review.status).toBe('approved');
    expect(
      review.items.find((i: any) => i.id === 'ops-backups').comments,
    ).toEqual([
      {
        author: CAROL,
        at: expect.any(String),
        text: 'Restores are tested monthly?',
      },
    ]);

    const undone = await change(server, review, BRUNO, {
      action: 'answer',
      itemId: 'ops-backups',
      done: false,
    });
    expect(undone.status).toBe(200);
    review = undone.body;
    expect(review.itemStates['ops-backups']).toBe('failed');
    expect(review.status).toBe('open');
    expect(review.signOffs).toEqual([]);
    const events = await historyOf(server, review.id);
    expect(events.slice(-2).map(e => [e.action, e.detail])).toEqual([
      [
        'comment',
        { itemId: 'ops-backups', text: 'Restores are tested monthly?' },
      ],
      [
        'answer',
        { itemId: 'ops-backups', done: false, signOffsCleared: ['dev', 'ops'] },
      ],
    ]);
  });

  it('lets each side answer only its own items and sign only for its own group', async () => {
    const { server } = await startReviewBackend();
    const review = await openReview(server);
    const answer = await change(server, review, BRUNO, {
      action: 'answer',
      itemId: 'dev-runbook',
      done: true,
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain(
      'not a member of group:default/dev-team',
    );

    const signOff = await change(server, review, CAROL, {
      action: 'sign-off',
      side: 'ops',
    });
    expect(signOff.status).toBe(403);
    expect(signOff.body.error.message).toContain('group:default/ops-team');
  });

  it("leaves each change in the operators' audit trail: who, what, and what was refused", async () => {
    const audit = auditEvents();
    const { server } = await startReviewBackend({ features: [audit.factory] });
    const review = await openReview(server);
    await change(server, review, ALICE, {
      action: 'comment',
      itemId: 'dev-runbook',
      text: 'a private note',
    });
    const waived = await change(
      server,
      await getReview(server, review.id),
      BRUNO,
      {
        action: 'waive',
        itemId: 'posture-control-plane',
        reason: 'three API servers, see the cluster page',
        expiresOn: tomorrow(),
      },
    );
    expect(waived.status).toBe(200);
    const refused = await change(server, waived.body, CAROL, {
      action: 'sign-off',
      side: 'ops',
    });
    expect(refused.status).toBe(403);

    const trail = audit.events
      .filter(e => e.plugin === 'handoff-review' && e.status !== 'initiated')
      .map(e => ({
        actor: e.actor.actorId,
        severity: e.severityLevel,
        status: e.status,
        ...e.meta,
        ...(e.error ? { error: e.error } : {}),
      }));
    expect(trail).toEqual([
      {
        actor: ALICE,
        severity: 'low',
        status: 'succeeded',
        actionType: 'open',
        entityRef: HA,
      },
      {
        actor: ALICE,
        severity: 'low',
        status: 'succeeded',
        actionType: 'comment',
        reviewId: review.id,
        itemId: 'dev-runbook',
      },
      {
        actor: BRUNO,
        severity: 'medium',
        status: 'succeeded',
        actionType: 'waive',
        reviewId: review.id,
        itemId: 'posture-control-plane',
        reason: 'three API servers, see the cluster page',
        expiresOn: tomorrow(),
      },
      {
        actor: CAROL,
        severity: 'medium',
        status: 'failed',
        actionType: 'sign-off',
        reviewId: review.id,
        side: 'ops',
        error: expect.stringContaining('group:default/ops-team'),
      },
    ]);
    expect(JSON.stringify(audit.events)).not.toContain('a private note');
  });

  it('refuses a change made on an old version, with a message saying what to do', async () => {
    const { server } = await startReviewBackend();
    const review = await openReview(server);
    const first = await change(server, review, ALICE, {
      action: 'answer',
      itemId: 'dev-runbook',
      done: true,
    });
    expect(first.status).toBe(200);
    const stale = await change(server, review, BRUNO, {
      action: 'answer',
      itemId: 'ops-on-call',
      done: true,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(
      /changed since you read it.*reload/,
    );
  });

  it('refuses bad requests with the field named, and changes nothing', async () => {
    const { server } = await startReviewBackend();
    const review = await openReview(server);
    // Each, but a malformed request, says why as data too, for the portal to say it in French.
    const cases: Array<[object, number, RegExp, object]> = [
      [{ action: 'answer', itemId: 'dev-runbook' }, 400, /change.done/, {}],
      [{ action: 'fly', itemId: 'dev-runbook' }, 400, /change.action/, {}],
      [
        { action: 'answer', itemId: 'nope', done: true },
        400,
        /no item 'nope'/,
        { reason: 'unknown-item', itemId: 'nope' },
      ],
      [
        { action: 'answer', itemId: 'posture-sessions', done: true },
        400,
        /checked by the posture engine/,
        { reason: 'item-checked-by-engine', itemId: 'posture-sessions' },
      ],
      [
        { action: 'comment', itemId: 'dev-runbook', text: '\u200B\u2060 ' },
        400,
        /^change.text must contain visible text$/,
        { reason: 'text-not-visible', field: 'comment' },
      ],
      [
        {
          action: 'waive',
          itemId: 'posture-network',
          reason: '\u3164',
          expiresOn: tomorrow(),
        },
        400,
        /^change.reason must contain visible text$/,
        { reason: 'text-not-visible', field: 'waiver-reason' },
      ],
      [
        {
          action: 'waive',
          itemId: 'posture-network',
          reason: 'x',
          expiresOn: '2020-01-01',
        },
        400,
        /expiresOn must be a date after today/,
        { reason: 'waiver-date-not-after-today' },
      ],
      [
        { action: 'sign-off', side: 'dev' },
        409,
        /cannot sign off while .* open or failing/,
        {
          reason: 'sign-off-blocked',
          itemIds: expect.arrayContaining([
            'posture-control-plane',
            'dev-runbook',
          ]),
        },
      ],
    ];
    for (const [body, status, message, refusal] of cases) {
      const res = await change(server, review, ALICE, body);
      const { name: _name, message: said, ...data } = res.body.error ?? {};
      expect([res.status, said, data]).toEqual([
        status,
        expect.stringMatching(message),
        refusal,
      ]);
    }
    const missingVersion = await request(server)
      .post(`/api/handoff-review/reviews/${review.id}/changes`)
      .set(as(ALICE))
      .send({
        change: { action: 'comment', itemId: 'dev-runbook', text: 'hi' },
      });
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.error.message).toContain('version');

    const history = await request(server)
      .get(`/api/handoff-review/reviews/${review.id}/history`)
      .set(as(ALICE));
    expect(history.body.events).toHaveLength(1);
    expect(
      (
        await request(server)
          .get('/api/handoff-review/reviews/nope')
          .set(as(ALICE))
      ).status,
    ).toBe(404);
  });

  it('refuses to open a review on an entity without an owner, saying why as data too', async () => {
    const orphan = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'orphan', namespace: 'default' },
      spec: { type: 'service', lifecycle: 'production' },
    };
    const { server } = await startReviewBackend({ entities: [orphan] });
    const res = await postReview(server, ALICE, 'component:default/orphan');
    expect([res.status, res.body.error]).toEqual([
      400,
      expect.objectContaining({
        name: 'InputError',
        message:
          'component:default/orphan has no owner: the owner group signs for Dev',
        reason: 'no-owner',
        entityRef: 'component:default/orphan',
      }),
    ]);
  });

  it('lists at most `limit` reviews, the most recently changed first, 100 unless asked, and no more than 500', async () => {
    const { server } = await startReviewBackend();
    const fragile = await openReview(
      server,
      'component:default/eni-todo-fragile',
    );
    const ha = await openReview(server);
    const list = (query: string) =>
      request(server).get(`/api/handoff-review/reviews${query}`).set(as(ALICE));

    expect((await list('')).body.reviews.map((r: any) => r.id)).toEqual([
      ha.id,
      fragile.id,
    ]);
    expect((await list('?limit=1')).body.reviews.map((r: any) => r.id)).toEqual(
      [ha.id],
    );
    expect((await list('?limit=500')).body.reviews).toHaveLength(2);
    for (const limit of ['0', '501', '2.5', 'many']) {
      const res = await list(`?limit=${limit}`);
      expect([limit, res.status, res.body.error?.message]).toEqual([
        limit,
        400,
        expect.stringMatching(/^invalid query: limit: /),
      ]);
    }
  });

  it('refuses an item id or a review id longer than 100 characters, and changes nothing', async () => {
    const { server } = await startReviewBackend();
    const review = await openReview(server);
    const long = 'x'.repeat(101);
    const res = await change(server, review, ALICE, {
      action: 'comment',
      itemId: long,
      text: 'hi',
    });
    expect([res.status, res.body.error?.message]).toEqual([
      400,
      'invalid change: change.itemId: itemId is longer than 100 characters',
    ]);
    for (const path of ['', '/history', '/export']) {
      const byId = await request(server)
        .get(`/api/handoff-review/reviews/${long}${path}`)
        .set(as(ALICE));
      expect([path, byId.status, byId.body.error?.message]).toEqual([
        path,
        400,
        'invalid review id: longer than 100 characters',
      ]);
    }
    const changed = await request(server)
      .post(`/api/handoff-review/reviews/${long}/changes`)
      .set(as(ALICE))
      .send({ version: 1, change: { action: 'sign-off', side: 'dev' } });
    expect(changed.status).toBe(400);
    expect((await historyOf(server, review.id)).map(e => e.action)).toEqual([
      'open',
    ]);
  });

  it('only serves signed-in users: no token is refused, and so is a service acting as a reviewer', async () => {
    const { server } = await startReviewBackend();
    const anonymous = await request(server)
      .get('/api/handoff-review/reviews')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const service = await request(server)
      .post('/api/handoff-review/reviews')
      .set('Authorization', mockCredentials.service.header())
      .send({ entityRef: HA });
    expect(service.status).toBe(403);
  });
});

describe('handoff reviews of entities the caller cannot read', () => {
  it('answer 404 to such a caller, as if there were no review, and leave it out of lists', async () => {
    const { server } = await startReviewBackend();
    const review = await openReview(server, RESTRICTED);
    await change(server, review, ALICE, {
      action: 'comment',
      itemId: 'dev-runbook',
      text: 'internal details',
    });
    const notFound = `no handoff review '${review.id}'`;
    for (const path of ['', '/history', '/export']) {
      const res = await request(server)
        .get(`/api/handoff-review/reviews/${review.id}${path}`)
        .set(as(CAROL));
      expect([path, res.status, res.body.error?.message]).toEqual([
        path,
        404,
        notFound,
      ]);
      expect(res.text).not.toContain('internal details');
    }
    const changed = await change(server, review, CAROL, {
      action: 'comment',
      itemId: 'dev-runbook',
      text: 'hello',
    });
    expect([changed.status, changed.body.error?.message]).toEqual([
      404,
      notFound,
    ]);
    const listed = await request(server)
      .get('/api/handoff-review/reviews')
      .set(as(CAROL));
    expect(listed.body.reviews.map((r: any) => r.entityRef)).toEqual([]);
    const byRef = await request(server)
      .get(`/api/handoff-review/reviews?entityRef=${RESTRICTED}`)
      .set(as(CAROL));
    expect(byRef.body.reviews).toEqual([]);
    const opened = await postReview(server, CAROL, RESTRICTED);
    expect(opened.status).toBe(404);

    // Those who can read the entity still see all of it.
    const history = await historyOf(server, review.id, BRUNO);
    expect(history.map(e => e.action)).toEqual(['open', 'comment']);
  });
});

describe('malformed entity refs', () => {
  it('answer 400 naming the field, not 500', async () => {
    const { server } = await startReviewBackend();
    for (const ref of [
      'component:default/',
      ':/',
      ':x',
      'component:/x',
      'component:default/a/b',
      'x',
      `component:default/${'a'.repeat(300)}`,
    ]) {
      const opened = await postReview(server, ALICE, ref);
      expect([ref, opened.status, opened.body.error?.message]).toEqual([
        ref,
        400,
        expect.stringMatching(/^entityRef must be an entity ref like/),
      ]);
      const listed = await request(server)
        .get('/api/handoff-review/reviews')
        .query({ entityRef: ref })
        .set(as(ALICE));
      expect([ref, listed.status]).toEqual([ref, 400]);
    }
  });
});
