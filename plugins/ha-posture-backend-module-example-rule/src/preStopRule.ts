import {
  containersOf,
  findingFor,
  PostureRule,
  RuleCheck,
  workloadLabel,
} from '@diehard/plugin-ha-posture-node';
import { PRESTOP_MESSAGES_EN } from './messages/en';
import { PRESTOP_MESSAGES_FR } from './messages/fr';

/**
 * The check: its id is prefixed with the company's name so it never meets Diehard's own.
 *
 * @public
 */
export const preStopCheck: RuleCheck = {
  id: 'example-prestop-hook',
  category: 'rollout',
  severity: 'warning',
  title: 'Serving container has no preStop hook',
};

const SNIPPET = `lifecycle:
  preStop:
    sleep:
      seconds: 10   # longer than the time your Services and Ingress take to drop the pod`;

/**
 * `rollout`: a container that serves traffic (declares a port) in a workload of 2+ replicas
 * gets no time to drain when Kubernetes replaces it, unless a preStop hook holds its stop.
 *
 * @public
 */
export const preStopRule: PostureRule = {
  checks: [preStopCheck],
  messages: { en: PRESTOP_MESSAGES_EN, fr: PRESTOP_MESSAGES_FR },
  evaluate({ workload }) {
    if (workload.replicas < 2) return [];
    return containersOf(workload.template.spec)
      .filter(c => (c.ports ?? []).length > 0)
      .filter(c => !(c as { lifecycle?: any }).lifecycle?.preStop)
      .map(c =>
        findingFor(preStopCheck, workload, {
          message: {
            id: 'example-prestop-hook.message',
            params: {
              container: `${c.name}`,
              workload: workloadLabel(workload),
            },
          },
          evidence: `containers[${c.name}].lifecycle.preStop: absent`,
          remediation: {
            id: 'example-prestop-hook.remediation',
            params: { snippet: SNIPPET },
          },
        }),
      );
  },
};
