import { ObjectIndex } from '../grouping/ObjectIndex';
import { KubeObject, refOf } from '../model/kube';

/**
 * Where a control-plane fact was read (the Clusters tab names it).
 *
 * @public
 */
export type FactSource =
  | 'identity-leases'
  | 'endpoint-slice'
  | 'endpoints'
  | 'static-pods'
  | 'etcd-servers-flag'
  | 'control-plane-nodes'
  | 'etcd-nodes'
  | 'leader-lease';

/**
 * One control-plane fact: a count (with its source and objects), or unknown.
 *
 * @public
 */
export interface ControlPlaneFact {
  /** Unset: the cluster does not expose it. */
  count?: number;
  /**
   * Of `count`, the members known to be up, when the cluster shows it: etcd's Ready
   * pods, the API servers whose identity lease was renewed in the last 45 s.
   */
  alive?: number;
  source?: FactSource;
  /** The objects the fact was read from, `Kind/namespace/name`. */
  objects: string[];
}

/** @public */
export interface LeaderFact extends ControlPlaneFact {
  /** The lease holder, e.g. `master-1_3f2c…`. */
  leader?: string;
}

/**
 * The control plane as the cluster itself shows it.
 *
 * @public
 */
export interface ControlPlaneFacts {
  apiServers: ControlPlaneFact;
  etcdMembers: ControlPlaneFact;
  controllerManagers: LeaderFact;
  schedulers: LeaderFact;
  /** Control-plane nodes per zone (`(no zone)` for a node without a zone label). */
  zones: ControlPlaneFact & { perZone?: Record<string, number> };
  /** The facts the grade needs (API servers, etcd members) that the cluster does not expose. */
  unknown: Array<'apiServers' | 'etcdMembers'>;
}

/** A field that should be a list, as one (objects from manifests may have any shape). */
function list(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

const IDENTITY_LABEL = 'apiserver.kubernetes.io/identity';
export const ZONE_LABELS = [
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/zone',
];

const known = (
  count: number,
  source: FactSource,
  objects: KubeObject[],
): ControlPlaneFact => ({ count, source, objects: objects.map(refOf) });
const UNKNOWN: ControlPlaneFact = { objects: [] };

export function isControlPlaneNode(n: KubeObject): boolean {
  const l = n.metadata?.labels ?? {};
  return (
    'node-role.kubernetes.io/control-plane' in l ||
    'node-role.kubernetes.io/master' in l
  );
}

/** kube-system pods of a control-plane component (kubeadm, RKE2: `component`; k3s-like: `k8s-app`). */
export function controlPlanePods(
  index: ObjectIndex,
  component: string,
): KubeObject[] {
  return index
    .list('Pod')
    .filter(
      p =>
        p.metadata?.labels?.component === component ||
        p.metadata?.labels?.['k8s-app'] === component,
    );
}

function isReady(pod: KubeObject): boolean {
  const status = (pod as any).status;
  if (status?.phase && status.phase !== 'Running') return false;
  const ready = list(status?.conditions).find((c: any) => c?.type === 'Ready');
  return !ready || ready.status === 'True';
}

/** Lease objects that are held now (renewed within their duration, or with no times at all). */
function isCurrent(lease: KubeObject, now: number): boolean {
  const spec = (lease as any).spec ?? {};
  if (!spec.renewTime || !spec.leaseDurationSeconds) return true;
  const renewed = Date.parse(spec.renewTime);
  if (Number.isNaN(renewed)) return true;
  // Twice the duration: a busy API server renews late, and the lease GC waits longer still.
  return now - renewed <= 2 * spec.leaseDurationSeconds * 1000;
}

/**
 * kube-apiserver renews its identity lease every 10 s (its duration is an hour, so that
 * it outlives restarts): one not renewed for 45 s belongs to an API server that is down.
 */
const IDENTITY_RENEWAL_GRACE_MS = 45_000;

function renewedWithin(lease: KubeObject, now: number, ms: number): boolean {
  const renewed = Date.parse((lease as any).spec?.renewTime ?? '');
  return Number.isNaN(renewed) || now - renewed <= ms;
}

function apiServerFact(index: ObjectIndex, now: number): ControlPlaneFact {
  const leases = index
    .list('Lease', 'kube-system')
    .filter(l => l.metadata?.labels?.[IDENTITY_LABEL] === 'kube-apiserver')
    .filter(l => isCurrent(l, now));
  if (leases.length > 0)
    return {
      ...known(leases.length, 'identity-leases', leases),
      alive: leases.filter(l =>
        renewedWithin(l, now, IDENTITY_RENEWAL_GRACE_MS),
      ).length,
    };
  const slice = index
    .list('EndpointSlice', 'default')
    .find(
      s =>
        s.metadata?.name === 'kubernetes' ||
        s.metadata?.labels?.['kubernetes.io/service-name'] === 'kubernetes',
    );
  const sliceAddresses = new Set<unknown>(
    list((slice as any)?.endpoints).flatMap((e: any) => list(e?.addresses)),
  );
  if (slice && sliceAddresses.size > 0)
    return known(sliceAddresses.size, 'endpoint-slice', [slice]);
  const ep = index.get('Endpoints', 'default', 'kubernetes');
  const epAddresses = new Set<unknown>(
    list((ep as any)?.subsets).flatMap((s: any) =>
      list(s?.addresses).map((a: any) => a?.ip),
    ),
  );
  if (ep && epAddresses.size > 0)
    return known(epAddresses.size, 'endpoints', [ep]);
  const pods = controlPlanePods(index, 'kube-apiserver');
  if (pods.length > 0) return known(pods.length, 'static-pods', pods);
  const nodes = index.list('Node').filter(isControlPlaneNode);
  if (nodes.length > 0)
    return known(nodes.length, 'control-plane-nodes', nodes);
  return UNKNOWN;
}

/** The `--etcd-servers` URLs the API server pods are started with. */
function etcdServersFlag(pods: KubeObject[]): Set<string> {
  const urls = new Set<string>();
  for (const pod of pods) {
    for (const c of list((pod as any).spec?.containers)) {
      const args: unknown[] = [
        ...(Array.isArray(c?.command) ? c.command : []),
        ...(Array.isArray(c?.args) ? c.args : []),
      ];
      args.forEach((arg, i) => {
        let value: string | undefined;
        if (typeof arg !== 'string') return;
        if (arg.startsWith('--etcd-servers='))
          value = arg.slice('--etcd-servers='.length);
        else if (arg === '--etcd-servers') {
          const next = args[i + 1];
          if (typeof next === 'string') value = next;
        }
        for (const url of (value ?? '').split(',')) {
          if (url.trim()) urls.add(url.trim());
        }
      });
    }
  }
  return urls;
}

function etcdFact(index: ObjectIndex): ControlPlaneFact {
  const pods = controlPlanePods(index, 'etcd');
  if (pods.length > 0) {
    return {
      ...known(pods.length, 'static-pods', pods),
      alive: pods.filter(isReady).length,
    };
  }
  const apiPods = controlPlanePods(index, 'kube-apiserver');
  const urls = [...etcdServersFlag(apiPods)];
  // A loopback URL (stacked etcd) names each master's own member: it counts nothing.
  const loopback = /^[a-z]+:\/\/(127\.|localhost|\[::1\])/;
  if (urls.length > 0 && !urls.some(u => loopback.test(u)))
    return known(urls.length, 'etcd-servers-flag', apiPods);
  const nodes = index
    .list('Node')
    .filter(n => 'node-role.kubernetes.io/etcd' in (n.metadata?.labels ?? {}));
  if (nodes.length > 0) return known(nodes.length, 'etcd-nodes', nodes);
  return UNKNOWN;
}

function leaderFact(index: ObjectIndex, component: string): LeaderFact {
  const lease = index.get('Lease', 'kube-system', component);
  const pods = controlPlanePods(index, component);
  const holder = (lease as any)?.spec?.holderIdentity;
  const leader = typeof holder === 'string' ? holder : undefined;
  if (pods.length > 0)
    return {
      ...known(pods.length, 'static-pods', lease ? [...pods, lease] : pods),
      leader,
    };
  if (lease) return { source: 'leader-lease', objects: [refOf(lease)], leader };
  return UNKNOWN;
}

function zoneFact(index: ObjectIndex): ControlPlaneFacts['zones'] {
  const nodes = index.list('Node').filter(isControlPlaneNode);
  if (nodes.length === 0) return UNKNOWN;
  const perZone: Record<string, number> = {};
  for (const n of nodes) {
    const l = n.metadata?.labels ?? {};
    const zone = ZONE_LABELS.map(k => l[k]).find(Boolean) ?? '(no zone)';
    perZone[zone] = (perZone[zone] ?? 0) + 1;
  }
  return {
    ...known(Object.keys(perZone).length, 'control-plane-nodes', nodes),
    perZone,
  };
}

/** What the cluster's own objects show of its control plane, each fact with its source. */
export function controlPlaneFacts(
  index: ObjectIndex,
  now = Date.now(),
): ControlPlaneFacts {
  const apiServers = apiServerFact(index, now);
  const etcdMembers = etcdFact(index);
  const unknown: ControlPlaneFacts['unknown'] = [];
  if (apiServers.count === undefined) unknown.push('apiServers');
  if (etcdMembers.count === undefined) unknown.push('etcdMembers');
  return {
    apiServers,
    etcdMembers,
    controllerManagers: leaderFact(index, 'kube-controller-manager'),
    schedulers: leaderFact(index, 'kube-scheduler'),
    zones: zoneFact(index),
    unknown,
  };
}
