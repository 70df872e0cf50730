import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { EntityPosture, Grade } from '@diehard/plugin-ha-posture-common';

const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** The entity's HA posture tab in the app. */
export function postureTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/ha-posture`;
}

/**
 * What got worse between the stored posture and the new one, as notifications for the
 * entity's owners: a lower grade, and each single point of failure that was not there.
 * The first evaluation, or one without a grade on either side, tells nothing.
 * Each payload's scope names the entity and the event, so the notifications backend
 * keeps one notification per event (sent again, it is brought back, not duplicated).
 * The notifications payload has no translations: English first, then French.
 */
export function postureChanges(
  previous: EntityPosture | undefined,
  next: EntityPosture,
): NotificationPayload[] {
  if (!previous?.grade || !next.grade) return [];
  const { name } = parseEntityRef(next.entityRef);
  const link = postureTabLink(next.entityRef);
  const payloads: NotificationPayload[] = [];
  if (GRADES.indexOf(next.grade) > GRADES.indexOf(previous.grade)) {
    payloads.push({
      title: `${name}: HA grade dropped from ${previous.grade} to ${next.grade}`,
      description: `The HA posture of ${next.entityRef} got worse: see its findings. — La note HA de ${name} est passée de ${previous.grade} à ${next.grade}.`,
      link,
      severity: next.grade === 'F' || next.grade === 'D' ? 'high' : 'normal',
      topic: 'ha-posture',
      scope: `${next.entityRef}:grade-drop:${next.grade}`,
    });
  }
  const before = new Set(previous.singlePointsOfFailure);
  for (const spof of next.singlePointsOfFailure) {
    if (before.has(spof)) continue;
    payloads.push({
      title: `${name}: new single point of failure`,
      description: `${spof} — Nouveau point de défaillance unique.`,
      link,
      severity: 'high',
      topic: 'ha-posture',
      scope: `${next.entityRef}:spof:${spof}`,
    });
  }
  return payloads;
}
