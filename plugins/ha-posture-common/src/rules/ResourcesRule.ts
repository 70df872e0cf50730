import { msg } from '../messages/format';
import { containersOf } from '../kube/podSpec';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const requests: RuleCheck = {
  id: 'resources-no-requests',
  category: 'resources',
  severity: 'warning',
  title: 'Container has no CPU or memory request',
};

/** `resources`: a container with no CPU or memory request (limits alone imply equal requests). */
export const resourcesRule: PostureRule = {
  checks: [requests],
  evaluate({ workload: w }) {
    const out = [];
    for (const c of containersOf(w.template.spec)) {
      const req = c.resources?.requests ?? {};
      const lim = c.resources?.limits ?? {};
      const missing = ['cpu', 'memory'].filter(
        r => req[r] === undefined && lim[r] === undefined,
      );
      if (missing.length === 0) continue;
      out.push(
        findingFor(requests, w, {
          message: msg('resources-no-requests.message', {
            container: `${c.name}`,
            workload: label(w),
            missing:
              missing.length === 2
                ? msg('resources-no-requests.both', {
                    first: missing[0],
                    second: missing[1],
                  })
                : missing[0],
          }),
          evidence: `containers[${c.name}].resources.requests: ${JSON.stringify(
            req,
          )}`,
          remediation: `containers:\n  - name: ${c.name}\n    resources:\n      requests: {cpu: 250m, memory: 512Mi}\n      limits: {memory: 512Mi}`,
        }),
      );
    }
    return out;
  },
};
