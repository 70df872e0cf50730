import {
  ALL_CHECKS,
  HA_CATEGORIES,
  PostureRule,
  SEVERITIES,
} from '@diehard/plugin-ha-posture-common';

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
