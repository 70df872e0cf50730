import { KUBERNETES_POD_LABELS } from '../kube/podLabels';
import { Workload } from './workload';

const key = (ns: string, k: string, v: string) => `${ns}\u0000${k}\u0000${v}`;

/**
 * Workloads by namespace and pod label, so that each Service, PDB or NetworkPolicy looks up
 * the workloads that may match its selector instead of testing every workload of the
 * namespace: grouping stays linear when one namespace holds thousands of workloads.
 * Candidates keep the workloads' order; callers still test the full selector.
 */
export class WorkloadLabelIndex {
  private readonly byNs = new Map<string, Workload[]>();
  private readonly byLabel = new Map<string, Workload[]>();

  constructor(workloads: Workload[]) {
    for (const w of workloads) {
      push(this.byNs, w.namespace, w);
      for (const [k, v] of Object.entries(w.template.metadata.labels ?? {}))
        push(this.byLabel, key(w.namespace, k, String(v)), w);
    }
  }

  /** The workloads of `ns` carrying the rarest of the `required` labels (all of `ns` when none). */
  candidates(ns: string, required: unknown): Workload[] {
    let best = this.byNs.get(ns) ?? [];
    if (!required || typeof required !== 'object') return best;
    for (const [k, v] of Object.entries(required)) {
      if (KUBERNETES_POD_LABELS.has(k)) continue; // on pods, never on templates
      const list = this.byLabel.get(key(ns, k, String(v))) ?? [];
      if (list.length < best.length) best = list;
    }
    return best;
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
