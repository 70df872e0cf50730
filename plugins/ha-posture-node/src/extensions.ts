import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { PostureRule } from '@diehard/plugin-ha-posture-common';

/** What {@link haPostureRulesExtensionPoint} offers a backend module. */
export interface HaPostureRulesExtensionPoint {
  /**
   * Adds a company's own rule to the posture engine: it runs on every workload after
   * Diehard's rules, live and from manifests, and its findings grade the workload like theirs.
   * A check id already used, or a category outside the HA taxonomy, stops the backend at start.
   */
  addRule(rule: PostureRule): void;
}

/** Adds posture rules to the HA posture backend (`ha-posture`). */
export const haPostureRulesExtensionPoint =
  createExtensionPoint<HaPostureRulesExtensionPoint>({
    id: 'ha-posture.rules',
  });
