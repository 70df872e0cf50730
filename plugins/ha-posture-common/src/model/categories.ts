/**
 * The finding categories of /shared/ha-taxonomy.md, exactly. A public contract: the CLI's
 * JSON, the portal, the scaffolder gate and external evaluations all speak these ids.
 *
 * @public
 */
export const HA_CATEGORIES = [
  'replicas',
  'spread',
  'disruption',
  'probes',
  'rollout',
  'sessions',
  'database',
  'storage',
  'ingress',
  'image',
  'resources',
  'network',
  'control-plane',
] as const;

/**
 * One of {@link HA_CATEGORIES}.
 *
 * @public
 */
export type HaCategory = (typeof HA_CATEGORIES)[number];

/**
 * `critical`: one failure stops the service or loses data; `warning`: one failure degrades it.
 *
 * @public
 */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;

/**
 * One of {@link SEVERITIES}.
 *
 * @public
 */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Orders severities, most severe first (critical = 0).
 *
 * @public
 */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
