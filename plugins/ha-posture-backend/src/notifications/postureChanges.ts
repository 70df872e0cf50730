import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  EntityPosture,
  findingText,
  Grade,
  messageText,
  PostureReport,
} from '@diehard/plugin-ha-posture-common';

const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** The entity's HA posture tab in the app. */
export function postureTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/ha-posture`;
}

/**
 * The French of each single point of failure sentence of a report, from the engine's
 * French catalog (`FINDING_MESSAGES_FR`, through the messages the report carries) or,
 * for a company's own rule, the translations its finding brings. A sentence without
 * either (a report stored before messages existed) has none: it stays in English.
 */
function frenchSpofs(report: PostureReport | undefined): Map<string, string> {
  const french = new Map<string, string>();
  for (const service of report?.services ?? []) {
    service.singlePointsOfFailure.forEach((english, i) => {
      const ref = service.singlePointsOfFailureMessages?.[i];
      if (ref) french.set(english, messageText(ref, english, 'fr'));
    });
  }
  for (const f of [
    ...(report?.workloads ?? []).flatMap(w => w.findings),
    ...(report?.cluster?.findings ?? []),
  ]) {
    if (!f.spof || french.has(f.spof)) continue;
    const fr = findingText(f, 'fr').spof;
    if (fr && fr !== f.spof) french.set(f.spof, fr);
  }
  return french;
}

/** "if node worker-1 fails, …": the engine's phrase as a sentence, capitalised and ended. */
function sentence(text: string): string {
  const capitalised = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * What got worse between the stored posture and the new one, as notifications for the
 * entity's owners: a lower grade, and each single point of failure that was not there.
 * The first evaluation, or one without a grade on either side, tells nothing.
 * Each payload's scope names the entity and the event, so the notifications backend
 * keeps one notification per event (sent again, it is brought back, not duplicated).
 * The notifications payload has no translations, and the users read English or French:
 * titles say it in both ("English / français"), descriptions too ("English. — Français.").
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
      title: `${name}: HA grade dropped from ${previous.grade} to ${next.grade} / note HA passée de ${previous.grade} à ${next.grade}`,
      description: `The HA posture of ${next.entityRef} got worse: see its findings. — La posture HA de ${next.entityRef} s'est dégradée : consultez ses constats.`,
      link,
      severity: next.grade === 'F' || next.grade === 'D' ? 'high' : 'normal',
      topic: 'ha-posture',
      scope: `${next.entityRef}:grade-drop:${next.grade}`,
    });
  }
  const before = new Set(previous.singlePointsOfFailure);
  const french = frenchSpofs(next.report);
  for (const spof of next.singlePointsOfFailure) {
    if (before.has(spof)) continue;
    payloads.push({
      title: `${name}: new single point of failure / nouveau point de défaillance unique`,
      description: `${sentence(spof)} — ${sentence(french.get(spof) ?? spof)}`,
      link,
      severity: 'high',
      topic: 'ha-posture',
      scope: `${next.entityRef}:spof:${spof}`,
    });
  }
  return payloads;
}
