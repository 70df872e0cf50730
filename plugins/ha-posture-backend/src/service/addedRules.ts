import type { HaPostureManifestSource } from '@diehard/plugin-ha-posture-node';
import {
  ALL_CHECKS,
  HA_CATEGORIES,
  PostureRule,
  SEVERITIES,
} from '@diehard/plugin-ha-posture-common';
import { EVALUATED_ANNOTATIONS } from './PostureService';

const ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;

/**
 * Refuses, at start, a rule a module adds that the portal could not show: no checks, a check id
 * that is not a short lowercase name or is already taken, a category outside the HA taxonomy, an
 * unknown severity, or messages without English.
 */
export function checkAddedRule(rule: PostureRule, added: PostureRule[]) {
  const taken = new Set([
    ...ALL_CHECKS.map(c => c.id),
    ...added.flatMap(r => r.checks.map(c => c.id)),
  ]);
  if (typeof rule?.evaluate !== 'function' || !rule.checks?.length) {
    throw new TypeError(
      'a posture rule added to ha-posture needs checks and an evaluate function',
    );
  }
  for (const check of rule.checks) {
    const where = `posture rule check ${JSON.stringify(check.id)}`;
    if (typeof check.id !== 'string' || !ID.test(check.id))
      throw new TypeError(
        `${where}: its id must be 1 to 100 lowercase letters, digits, dots or dashes`,
      );
    if (taken.has(check.id))
      throw new TypeError(`${where}: this id is already used by another check`);
    if (!(HA_CATEGORIES as readonly string[]).includes(check.category))
      throw new TypeError(
        `${where}: category ${JSON.stringify(
          check.category,
        )} is not one of ${HA_CATEGORIES.join(', ')}`,
      );
    if (!(SEVERITIES as readonly string[]).includes(check.severity))
      throw new TypeError(
        `${where}: severity ${JSON.stringify(
          check.severity,
        )} is not one of ${SEVERITIES.join(', ')}`,
      );
    taken.add(check.id);
  }
  if (rule.messages && typeof rule.messages.en !== 'object')
    throw new TypeError(
      `posture rule ${rule.checks[0].id}: its messages need an English catalog (en)`,
    );
}

const ANNOTATION =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/**
 * Refuses, at start, a manifest source a module adds without a readable function or with an
 * annotation that is not a Kubernetes-style key or is already used.
 */
export function checkAddedSource(
  source: HaPostureManifestSource,
  added: HaPostureManifestSource[],
) {
  if (typeof source?.objectsFor !== 'function')
    throw new TypeError(
      'a manifest source added to ha-posture needs an objectsFor function',
    );
  const annotation = source.annotation;
  const where = `manifest source annotation ${JSON.stringify(annotation)}`;
  if (typeof annotation !== 'string' || !ANNOTATION.test(annotation))
    throw new TypeError(
      `${where}: not an annotation key such as acme.io/helm-release`,
    );
  if (
    EVALUATED_ANNOTATIONS.includes(annotation) ||
    added.some(s => s.annotation === annotation)
  )
    throw new TypeError(
      `${where}: this annotation is already read by the HA posture`,
    );
}
