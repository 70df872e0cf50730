import type { Config } from '@backstage/config';

/**
 * The Ops group when `handoffReview.opsGroup` is not set.
 *
 * @public
 */
export const DEFAULT_OPS_GROUP = 'group:default/ops-team';

/**
 * The groups whose members act for Ops (`handoffReview.opsGroup`: one group ref or a
 * list), read in one place for the review backend and the permission policy.
 *
 * @public
 */
export function opsGroupsFromConfig(config: Config): string[] {
  const key = 'handoffReview.opsGroup';
  const value = config.getOptional(key);
  if (value === undefined) return [DEFAULT_OPS_GROUP];
  const groups = (Array.isArray(value) ? value : [value]).map(g => {
    if (typeof g !== 'string' || !/^group:[^:/\s]+\/[^:/\s]+$/.test(g)) {
      throw new Error(
        `${key} must be a group ref like ${DEFAULT_OPS_GROUP} or a list of them, got ${JSON.stringify(
          g,
        )}`,
      );
    }
    return g;
  });
  if (!groups.length) throw new Error(`${key} names no group`);
  return groups;
}
