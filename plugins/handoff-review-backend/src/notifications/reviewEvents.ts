import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  Review,
  ReviewView,
  Side,
} from '@diehard/plugin-handoff-review-common';
import { itemState } from '../review/transitions';

/** One thing to tell: to whom, what, and the key that makes it the same event again. */
export interface ReviewNotice {
  /** Group entity refs; the notifications backend tells their members. */
  groups: string[];
  payload: NotificationPayload;
  /** What identifies the event within its review, for the once-only check. */
  key: string;
}

/** The entity's handoff review tab in the app. */
export function reviewTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/handoff-review`;
}

function sideGroups(review: Review, side: Side): string[] {
  if (side === 'dev') return [review.devGroup];
  return review.opsGroups?.length ? review.opsGroups : [review.opsGroup];
}

/** The sides asked to sign off: nothing is open or failing, and they have not signed. */
function askedSides(review: Review, today: string): Side[] {
  const blocked = review.items.some(item =>
    ['open', 'failed'].includes(itemState(item, today)),
  );
  if (blocked) return [];
  return (['dev', 'ops'] as Side[]).filter(
    side => !review.signOffs.some(s => s.side === side),
  );
}

// The notifications payload has no translations, and the users read English or French:
// titles say it in both ("English / français"), descriptions too ("English. — Français.").

/**
 * The sign-offs a change asks for: a side is asked when the review becomes ready for
 * its signature (opened ready, its last open item closed, or its sign-off withdrawn).
 */
export function signOffNotices(
  previous: Review | undefined,
  next: Review,
  now: Date,
): ReviewNotice[] {
  const today = now.toISOString().slice(0, 10);
  const before = previous ? askedSides(previous, today) : [];
  const { name } = parseEntityRef(next.entityRef);
  return askedSides(next, today)
    .filter(side => !before.includes(side))
    .map(side => {
      const label = side === 'dev' ? 'Dev' : 'Ops';
      return {
        groups: sideGroups(next, side),
        key: `sign-off:${side}:${next.version}`,
        payload: {
          title: `${name}: handoff review ready for the ${label} sign-off / revue prête pour la signature ${label}`,
          description: `Every item is passed or waived: sign off for the ${label} side. — Chaque point est conforme ou couvert par une dérogation : signez pour le côté ${label}.`,
          link: reviewTabLink(next.entityRef),
          topic: 'handoff-review',
          scope: `${next.id}:sign-off:${side}`,
        },
      };
    });
}

/**
 * What time alone brings: a review that turned stale (its posture got worse than what
 * was signed, or a waiver ran out after approval), and waivers that run out within
 * `waiverExpiryDays`. Told to the service's owner group (the review's Dev group).
 */
export function timeNotices(
  view: ReviewView,
  now: Date,
  waiverExpiryDays: number,
): ReviewNotice[] {
  const { name } = parseEntityRef(view.entityRef);
  const link = reviewTabLink(view.entityRef);
  const notices: ReviewNotice[] = [];
  if (view.stale) {
    const signed = view.signOffs.map(s => `${s.side}@${s.at}`).join(',');
    const why = view.staleReasons
      .map(r =>
        r.kind === 'posture-degraded'
          ? `the posture got worse (grade ${r.signed.grade ?? '-'} signed, ${
              r.current.grade ?? '-'
            } now)`
          : `waivers ran out (${r.itemIds.join(', ')})`,
      )
      .join('; ');
    const whyFr = view.staleReasons
      .map(r =>
        r.kind === 'posture-degraded'
          ? `la posture s'est dégradée (note ${
              r.signed.grade ?? '-'
            } à la signature, ${r.current.grade ?? '-'} aujourd'hui)`
          : `des dérogations ont expiré (${r.itemIds.join(', ')})`,
      )
      .join(' ; ');
    notices.push({
      groups: [view.devGroup],
      key: `stale:${signed}`,
      payload: {
        title: `${name}: handoff review is stale / revue de passation caduque`,
        description: `The approved review no longer holds: ${why}. — La revue validée n'est plus d'actualité : ${whyFr}.`,
        link,
        severity: 'high',
        topic: 'handoff-review',
        scope: `${view.id}:stale`,
      },
    });
  }
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + waiverExpiryDays * 86400_000)
    .toISOString()
    .slice(0, 10);
  for (const item of view.items) {
    const waiver = item.waiver;
    if (!waiver || waiver.expiresOn <= today || waiver.expiresOn > horizon)
      continue;
    notices.push({
      // The owner, and the side whose waiver it is (it renews it or fixes the item).
      groups: [...new Set([view.devGroup, ...sideGroups(view, item.side)])],
      key: `waiver:${item.id}:${waiver.expiresOn}:${waiver.at}`,
      payload: {
        title: `${name}: waiver of '${item.id}' expires on ${waiver.expiresOn} / la dérogation expire le ${waiver.expiresOn}`,
        description: `Fix the item or renew its waiver before then. — Corrigez le point « ${item.id} » ou renouvelez sa dérogation avant le ${waiver.expiresOn}.`,
        link,
        topic: 'handoff-review',
        scope: `${view.id}:waiver:${item.id}`,
      },
    });
  }
  return notices;
}
