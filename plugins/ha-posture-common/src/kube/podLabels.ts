/**
 * What a Service's selector can see of a workload's pods before they exist.
 *
 * @public
 */
export interface PodTemplateOwner {
  kind: string;
  name: string;
  /** How many pods it runs (a StatefulSet's pod names and indexes count up to it). */
  replicas?: number;
  /** The labels of its pod template. */
  labels: Record<string, string> | undefined;
}

const POD_NAME = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX = 'apps.kubernetes.io/pod-index';
const REVISION_HASH = 'controller-revision-hash';
const TEMPLATE_HASH = 'pod-template-hash';

/**
 * The labels Kubernetes' controllers add to pods: no pod template declares them.
 *
 * @public
 */
export const KUBERNETES_POD_LABELS: ReadonlySet<string> = new Set([
  POD_NAME,
  POD_INDEX,
  REVISION_HASH,
  TEMPLATE_HASH,
]);

/**
 * Whether a label Kubernetes adds to the workload's pods itself can hold `value` on one of
 * them (`undefined`: Kubernetes adds no such label). Hashes are unknown before the rollout:
 * any value may be the pods'. `index` says which StatefulSet pod a name or index picks.
 */
function addedLabel(
  w: PodTemplateOwner,
  key: string,
  value: string,
): { index?: number } | false | undefined {
  const count = w.replicas ?? 1;
  if (w.kind === 'StatefulSet') {
    if (key === REVISION_HASH) return {};
    if (key !== POD_NAME && key !== POD_INDEX) return undefined;
    let text: string | undefined = value;
    if (key === POD_NAME)
      text = value.startsWith(`${w.name}-`)
        ? value.slice(w.name.length + 1)
        : undefined;
    const index = /^(0|[1-9]\d{0,8})$/.test(text ?? '') ? Number(text) : -1;
    return index >= 0 && index < count ? { index } : false;
  }
  if (w.kind === 'Deployment' || w.kind === 'ReplicaSet')
    return key === TEMPLATE_HASH ? {} : undefined;
  if (w.kind === 'DaemonSet') return key === REVISION_HASH ? {} : undefined;
  return undefined;
}

/**
 * True when a Service's plain selector selects at least one of the workload's pods: the
 * template's labels, plus those Kubernetes adds (a StatefulSet pod's name and index, the
 * revision and template hashes), so a Service for one StatefulSet pod (`redis-0`, as Redis
 * HA charts make) selects it. Empty or missing: nothing.
 *
 * @public
 */
export function selectsWorkloadPods(
  selector: Record<string, string> | undefined | null,
  w: PodTemplateOwner,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  const labels = w.labels ?? {};
  let index: number | undefined;
  for (const [k, raw] of Object.entries(selector)) {
    const v = String(raw);
    if (Object.prototype.hasOwnProperty.call(labels, k)) {
      if (labels[k] !== v) return false;
      continue;
    }
    const added = addedLabel(w, k, v);
    if (!added) return false;
    if (added.index !== undefined) {
      if (index !== undefined && index !== added.index) return false;
      index = added.index;
    }
  }
  return true;
}
