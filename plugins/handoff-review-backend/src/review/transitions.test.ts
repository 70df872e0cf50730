import { applyChange, viewOf } from './transitions';
import { Review } from '@diehard/plugin-handoff-review-common';
import {
  DEV_REVIEWER as dev,
  GRADE_A as gradeA,
  OPS_REVIEWER as ops,
} from '../__testUtils__/reviewers';

function review(): Review {
  return {
    id: 'r1',
    entityRef: 'component:default/eni-todo-web',
    version: 1,
    createdBy: dev.userEntityRef,
    createdAt: '2026-11-20T00:00:00Z',
    devGroup: 'group:default/dev-team',
    opsGroup: 'group:default/ops-team',
    posture: gradeA,
    items: [
      {
        id: 'posture-replicas',
        title: 'Replicas',
        kind: 'automatic',
        side: 'dev',
        category: 'replicas',
        evidence: 'pass',
        comments: [],
      },
      {
        id: 'posture-control-plane',
        title: 'Control plane',
        kind: 'automatic',
        side: 'ops',
        category: 'control-plane',
        evidence: 'unknown',
        comments: [],
      },
      {
        id: 'dev-runbook',
        title: 'Runbook',
        kind: 'manual',
        side: 'dev',
        comments: [],
      },
    ],
    signOffs: [],
  };
}

/** Waives the control plane until `expiresOn`, answers the runbook, signs both sides. */
function approvedReview(expiresOn: string) {
  const day = new Date('2026-11-20T10:00:00Z');
  let r = review();
  const step = (change: any, actor = dev) => {
    r = applyChange(r, change, actor, r.version, day).review;
  };
  step(
    {
      action: 'waive',
      itemId: 'posture-control-plane',
      reason: 'three masters',
      expiresOn,
    },
    ops,
  );
  step({ action: 'answer', itemId: 'dev-runbook', done: true });
  step({ action: 'sign-off', side: 'dev', posture: gradeA });
  step({ action: 'sign-off', side: 'ops', posture: gradeA }, ops);
  return r;
}

describe('review transitions', () => {
  it('is approved and fresh while the posture holds and the waiver runs', () => {
    const view = viewOf(
      approvedReview('2026-12-01'),
      new Date('2026-11-25T00:00:00Z'),
      gradeA,
    );
    expect(view.status).toBe('approved');
    expect(view.stale).toBe(false);
    expect(view.itemStates['posture-control-plane']).toBe('waived');
  });

  it('turns a waived item back to open once its waiver expires, and flags the review stale', () => {
    const view = viewOf(
      approvedReview('2026-12-01'),
      new Date('2026-12-01T08:00:00Z'),
      gradeA,
    );
    expect(view.itemStates['posture-control-plane']).toBe('open');
    expect(view.stale).toBe(true);
    expect(view.staleReasons).toEqual([
      { kind: 'waiver-expired', itemIds: ['posture-control-plane'] },
    ]);
  });

  it('flags an approved review stale when the posture degrades below what was signed', () => {
    const degraded = { ...gradeA, grade: 'D' as const, critical: 1 };
    const view = viewOf(
      approvedReview('2026-12-01'),
      new Date('2026-11-25T00:00:00Z'),
      degraded,
    );
    expect(view.stale).toBe(true);
    expect(view.staleReasons).toEqual([
      { kind: 'posture-degraded', signed: gradeA, current: degraded },
    ]);
  });

  it('asks for the sign-offs again when an item changes after signing', () => {
    const signed = approvedReview('2026-12-01');
    const { review: changed, detail } = applyChange(
      signed,
      { action: 'answer', itemId: 'dev-runbook', done: false },
      dev,
      signed.version,
      new Date('2026-11-21T00:00:00Z'),
    );
    expect(changed.signOffs).toEqual([]);
    expect(detail.signOffsCleared).toEqual(['dev', 'ops']);
    expect(viewOf(changed, new Date('2026-11-21T00:00:00Z')).status).toBe(
      'open',
    );
  });

  it('lets only the side that owns an item waive it', () => {
    const outsider = {
      userEntityRef: 'user:default/carol',
      ownershipEntityRefs: ['user:default/carol', 'group:default/qa-team'],
    };
    const day = new Date('2026-11-20T10:00:00Z');
    const waiveControlPlane = {
      action: 'waive' as const,
      itemId: 'posture-control-plane',
      reason: 'three masters',
      expiresOn: '2026-12-01',
    };
    for (const actor of [outsider, dev]) {
      expect(() =>
        applyChange(review(), waiveControlPlane, actor, 1, day),
      ).toThrow(
        `waiving item 'posture-control-plane' is for the Ops side: ${actor.userEntityRef} is not a member of group:default/ops-team`,
      );
    }
    expect(() =>
      applyChange(
        review(),
        { ...waiveControlPlane, itemId: 'dev-runbook' },
        ops,
        1,
        day,
      ),
    ).toThrow(/is for the Dev side/);
    const waived = applyChange(review(), waiveControlPlane, ops, 1, day);
    expect(waived.review.items[1].waiver?.approver).toBe(ops.userEntityRef);
  });

  it('accepts Ops from any of several configured Ops groups', () => {
    const r = {
      ...review(),
      opsGroups: ['group:default/ops-team', 'group:default/sre'],
    };
    const sre = {
      userEntityRef: 'user:default/sam',
      ownershipEntityRefs: ['group:default/sre'],
    };
    const { review: next } = applyChange(
      r,
      {
        action: 'waive',
        itemId: 'posture-control-plane',
        reason: 'three masters',
        expiresOn: '2026-12-01',
      },
      sre,
      1,
      new Date('2026-11-20T10:00:00Z'),
    );
    expect(next.items[1].waiver?.approver).toBe(sre.userEntityRef);
  });

  it('refuses a comment without visible text', () => {
    expect(() =>
      applyChange(
        review(),
        { action: 'comment', itemId: 'dev-runbook', text: '\u200B \u2060' },
        dev,
        1,
        new Date('2026-11-20T10:00:00Z'),
      ),
    ).toThrow('change.text must contain visible text');
  });

  it('refuses an unknown item, an answer to an item the engine checks, and a comment too long, in words API callers read', () => {
    const day = new Date('2026-11-20T10:00:00Z');
    const apply = (change: any) => () =>
      applyChange(review(), change, dev, 1, day);
    expect(apply({ action: 'answer', itemId: 'dev-nope', done: true })).toThrow(
      "review r1 has no item 'dev-nope'",
    );
    expect(
      apply({ action: 'answer', itemId: 'posture-replicas', done: true }),
    ).toThrow(
      "item 'posture-replicas' is checked by the posture engine; comment on it or waive it instead",
    );
    expect(
      apply({
        action: 'comment',
        itemId: 'dev-runbook',
        text: 'x'.repeat(4001),
      }),
    ).toThrow('change.text is too long: 4001 characters, at most 4000');
  });

  it('says why it refuses a change as data too, for the portal to say it in French', () => {
    const day = new Date('2026-11-20T10:00:00Z');
    const refusalOf = (apply: () => unknown) => {
      try {
        apply();
      } catch (error) {
        return { ...(error as object) };
      }
      throw new Error('the change was not refused');
    };

    expect(
      refusalOf(() =>
        applyChange(
          review(),
          { action: 'comment', itemId: 'dev-runbook', text: 'hi' },
          dev,
          0,
          day,
        ),
      ),
    ).toMatchObject({
      name: 'ConflictError',
      reason: 'version-conflict',
      expectedVersion: 0,
      version: 1,
    });
    expect(
      refusalOf(() =>
        applyChange(
          review(),
          { action: 'sign-off', side: 'dev', posture: gradeA },
          dev,
          1,
          day,
        ),
      ),
    ).toMatchObject({
      name: 'ConflictError',
      reason: 'sign-off-blocked',
      itemIds: ['posture-control-plane', 'dev-runbook'],
    });
    expect(
      refusalOf(() =>
        applyChange(
          review(),
          { action: 'answer', itemId: 'dev-runbook', done: true },
          ops,
          1,
          day,
        ),
      ),
    ).toMatchObject({
      name: 'NotAllowedError',
      reason: 'not-member',
      side: 'dev',
      group: 'group:default/dev-team',
    });
    expect(
      refusalOf(() =>
        applyChange(
          review(),
          { action: 'comment', itemId: 'dev-nope', text: 'hi' },
          dev,
          1,
          day,
        ),
      ),
    ).toEqual({
      name: 'InputError',
      reason: 'unknown-item',
      itemId: 'dev-nope',
    });
    expect(
      refusalOf(() =>
        applyChange(
          review(),
          { action: 'answer', itemId: 'posture-replicas', done: true },
          dev,
          1,
          day,
        ),
      ),
    ).toEqual({
      name: 'InputError',
      reason: 'item-checked-by-engine',
      itemId: 'posture-replicas',
    });
    expect(
      refusalOf(() =>
        applyChange(
          review(),
          { action: 'comment', itemId: 'dev-runbook', text: '\u200B \u2060' },
          dev,
          1,
          day,
        ),
      ),
    ).toEqual({
      name: 'InputError',
      reason: 'text-not-visible',
      field: 'comment',
    });
    expect(
      refusalOf(() =>
        applyChange(
          review(),
          { action: 'comment', itemId: 'dev-runbook', text: 'x'.repeat(4001) },
          dev,
          1,
          day,
        ),
      ),
    ).toEqual({
      name: 'InputError',
      reason: 'text-too-long',
      field: 'comment',
      length: 4001,
      max: 4000,
    });
  });
});
