import { msg } from '../messages/format';
import { resolveIntOrPercent } from '../kube/podSpec';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const recreate: RuleCheck = {
  id: 'rollout-recreate',
  category: 'rollout',
  severity: 'warning',
  title: 'Recreate strategy takes every pod down at once',
};
const maxUnavailable: RuleCheck = {
  id: 'rollout-max-unavailable',
  category: 'rollout',
  severity: 'warning',
  title: 'Rolling update may take every pod down at once',
};

const SNIPPET =
  'spec:\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1';

/** `rollout`: an update takes every pod down at once. */
export const rolloutRule: PostureRule = {
  checks: [recreate, maxUnavailable],
  evaluate({ workload: w }) {
    if (w.replicas < 2 || w.kind === 'DaemonSet') return [];
    if (w.kind === 'Deployment') {
      const s = w.object.spec?.strategy ?? {};
      if (s.type === 'Recreate') {
        return [
          findingFor(recreate, w, {
            message: msg('rollout-recreate.message', {
              workload: label(w),
              replicas: w.replicas,
            }),
            evidence: 'spec.strategy.type: Recreate',
            remediation: SNIPPET,
          }),
        ];
      }
      const mu = resolveIntOrPercent(
        s.rollingUpdate?.maxUnavailable,
        w.replicas,
        false,
      );
      if (mu !== undefined && mu >= w.replicas) {
        return [
          findingFor(maxUnavailable, w, {
            message: msg('rollout-max-unavailable.message', {
              workload: label(w),
              maxUnavailable: `${s.rollingUpdate.maxUnavailable}`,
              replicas: w.replicas,
            }),
            evidence: `spec.strategy.rollingUpdate.maxUnavailable: ${s.rollingUpdate.maxUnavailable}`,
            remediation: SNIPPET,
          }),
        ];
      }
    }
    if (w.kind === 'StatefulSet') {
      const raw = w.object.spec?.updateStrategy?.rollingUpdate?.maxUnavailable;
      const mu = resolveIntOrPercent(raw, w.replicas, false);
      if (mu !== undefined && mu >= w.replicas) {
        return [
          findingFor(maxUnavailable, w, {
            message: msg('rollout-max-unavailable.message', {
              workload: label(w),
              maxUnavailable: `${raw}`,
              replicas: w.replicas,
            }),
            evidence: `spec.updateStrategy.rollingUpdate.maxUnavailable: ${raw}`,
            remediation:
              'spec:\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1',
          }),
        ];
      }
    }
    return [];
  },
};
