import {
  findDsns,
  isDatabaseHostVariable,
  KubeObject,
  parseHostValue,
  KUBERNETES_POD_LABELS,
  selectorMatches,
  selectsWorkloadPods,
} from '@diehard/plugin-ha-posture-common';
import { LabelSelector } from './labelSelector';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const PART_OF = 'app.kubernetes.io/part-of';

type Labels = Record<string, string> | undefined;

const labelsOf = (o: KubeObject): Labels => o.metadata?.labels;
const templateLabelsOf = (o: KubeObject): Labels =>
  (o as any).spec?.template?.metadata?.labels;
const nameOf = (o: KubeObject) => o.metadata?.name ?? '';
const isWorkload = (o: KubeObject) => WORKLOAD_KINDS.has(o.kind ?? '');
const isBarePod = (o: KubeObject) =>
  o.kind === 'Pod' && !(o.metadata?.ownerReferences ?? []).length;

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/**
 * The first `key=value` of a selector's equalities that a pod template can carry (not one
 * Kubernetes adds to pods itself): every object it selects carries it.
 */
function firstEntry(selector: Record<string, unknown> | undefined) {
  const entry = Object.entries(selector ?? {}).find(
    ([k]) => !KUBERNETES_POD_LABELS.has(k),
  );
  return entry && `${entry[0]}=${entry[1]}`;
}

/** True when a Service's selector selects pods of a workload (or a bare pod). */
function selectsPodsOf(selector: any, o: KubeObject): boolean {
  return isWorkload(o)
    ? selectsWorkloadPods(selector, {
        kind: o.kind ?? '',
        name: nameOf(o),
        replicas: (o as any).spec?.replicas ?? 1,
        labels: templateLabelsOf(o),
      })
    : selectsWorkloadPods(selector, {
        kind: o.kind ?? '',
        name: nameOf(o),
        labels: labelsOf(o),
      });
}

/** ConfigMaps and Secrets a pod template reads, by name (volumes, env, envFrom, projected). */
export function referencedNames(template: unknown) {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  const walk = (value: any) => {
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries<any>(value)) {
      if (
        ['configMap', 'configMapRef', 'configMapKeyRef'].includes(key) &&
        child?.name
      ) {
        configMaps.add(child.name);
      } else if (['secret', 'secretRef', 'secretKeyRef'].includes(key)) {
        const name = child?.secretName ?? child?.name;
        if (name) secrets.add(name);
      }
      walk(child);
    }
  };
  walk(template);
  return { configMaps, secrets };
}

/**
 * The objects of one namespace, indexed once so that each entity's share is found
 * without scanning the namespace again (a refresh asks once per entity).
 */
export class NamespaceObjects {
  private readonly all: KubeObject[];
  private readonly workloads: KubeObject[] = [];
  private readonly byLabel = new Map<string, KubeObject[]>();
  private readonly byOwner = new Map<string, KubeObject[]>();
  private readonly servicesByEntry = new Map<string, KubeObject[]>();
  private readonly servicesByName = new Map<string, KubeObject>();
  /** Services that select pods by labels Kubernetes adds only (a StatefulSet pod's name). */
  private readonly servicesByPodLabels: KubeObject[] = [];
  private readonly budgetsByEntry = new Map<string, KubeObject[]>();
  private readonly budgetsByExpression: KubeObject[] = [];
  private readonly autoscalersByTarget = new Map<string, KubeObject[]>();
  private readonly ingressesByService = new Map<string, KubeObject[]>();
  private readonly configMaps = new Map<string, KubeObject>();
  private readonly secrets = new Map<string, KubeObject>();
  /** Service accounts, claims, RBAC, network policies: few, read by name or selector. */
  private readonly shared: KubeObject[] = [];

  constructor(objects: KubeObject[]) {
    this.all = objects;
    for (const o of objects) {
      const spec = (o as any).spec ?? {};
      const labels = new Set<string>();
      for (const [k, v] of Object.entries(labelsOf(o) ?? {}))
        labels.add(`${k}=${v}`);
      if (isWorkload(o)) {
        for (const [k, v] of Object.entries(templateLabelsOf(o) ?? {}))
          labels.add(`${k}=${v}`);
      }
      for (const label of labels) push(this.byLabel, label, o);
      for (const owner of o.metadata?.ownerReferences ?? []) {
        push(this.byOwner, `${(owner as any).kind}/${(owner as any).name}`, o);
      }
      switch (o.kind) {
        case 'Deployment':
        case 'StatefulSet':
        case 'DaemonSet':
          this.workloads.push(o);
          break;
        case 'Pod':
          if (isBarePod(o)) this.workloads.push(o);
          break;
        case 'ReplicaSet':
          break;
        case 'Service': {
          const entry = firstEntry(spec.selector);
          if (entry) push(this.servicesByEntry, entry, o);
          else if (Object.keys(spec.selector ?? {}).length > 0)
            this.servicesByPodLabels.push(o);
          this.servicesByName.set(nameOf(o), o);
          break;
        }
        case 'PodDisruptionBudget': {
          const entry = firstEntry(spec.selector?.matchLabels);
          if (entry) push(this.budgetsByEntry, entry, o);
          else this.budgetsByExpression.push(o);
          break;
        }
        case 'HorizontalPodAutoscaler':
          push(
            this.autoscalersByTarget,
            `${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}`,
            o,
          );
          break;
        case 'Ingress':
          for (const name of backendServices(o))
            push(this.ingressesByService, name, o);
          break;
        case 'ConfigMap':
          this.configMaps.set(nameOf(o), o);
          break;
        case 'Secret':
          this.secrets.set(nameOf(o), o);
          break;
        default:
          this.shared.push(o);
      }
    }
  }

  /** True when a workload or pod of this namespace carries the entity's labels. */
  runs(selector: LabelSelector): boolean {
    return this.candidates(selector).some(
      o => (isWorkload(o) || o.kind === 'Pod') && selector.matches(labelsOf(o)),
    );
  }

  /**
   * The entity's service: its labelled workloads, the workloads of the same
   * `app.kubernetes.io/part-of` application (its database, say), their ReplicaSets
   * and pods, the Services, PDBs, autoscalers and ingresses that select or target
   * them, the ConfigMaps and Secrets they read, the database workloads behind the
   * Services its DSNs name, and the namespace's accounts, claims, RBAC and network
   * policies. Other services sharing the namespace are left out.
   */
  scope(selector: LabelSelector): KubeObject[] {
    const labelled = this.candidates(selector).filter(
      o =>
        selector.matches(labelsOf(o)) ||
        (isWorkload(o) && selector.matches(templateLabelsOf(o))),
    );
    const applications = new Set(
      labelled
        .filter(o => isWorkload(o) || isBarePod(o))
        .flatMap(o => [labelsOf(o)?.[PART_OF], templateLabelsOf(o)?.[PART_OF]])
        .filter((p): p is string => !!p),
    );
    const members = [
      ...labelled,
      ...[...applications].flatMap(
        p => this.byLabel.get(`${PART_OF}=${p}`) ?? [],
      ),
    ];
    const result = new Set<KubeObject>(members);
    const kept = new Set(members.filter(o => isWorkload(o) || isBarePod(o)));
    for (const workload of kept) this.addBelongings(workload, result);
    // The databases its DSNs name in this namespace, whatever their labels: the
    // posture must see the cluster behind a DSN to judge it.
    for (const database of this.databasesNamedBy(kept, result)) {
      if (kept.has(database)) continue;
      kept.add(database);
      result.add(database);
      this.addBelongings(database, result);
    }
    for (const o of [...result]) {
      if (o.kind !== 'Service') continue;
      for (const ingress of this.ingressesByService.get(nameOf(o)) ?? [])
        result.add(ingress);
    }
    for (const o of this.shared) result.add(o);
    return [...result];
  }

  /** What belongs to one workload: its ReplicaSets and pods, what selects or targets it, what it reads. */
  private addBelongings(workload: KubeObject, result: Set<KubeObject>) {
    const key = `${workload.kind}/${nameOf(workload)}`;
    const owned = this.byOwner.get(key) ?? [];
    for (const o of owned) {
      result.add(o);
      // A Deployment's pods belong to its ReplicaSets.
      if (o.kind === 'ReplicaSet') {
        for (const pod of this.byOwner.get(`ReplicaSet/${nameOf(o)}`) ?? [])
          result.add(pod);
      }
    }
    for (const hpa of this.autoscalersByTarget.get(key) ?? []) result.add(hpa);
    const podLabels = isWorkload(workload)
      ? templateLabelsOf(workload)
      : labelsOf(workload);
    for (const [k, v] of Object.entries(podLabels ?? {})) {
      for (const svc of this.servicesByEntry.get(`${k}=${v}`) ?? []) {
        if (selectsPodsOf((svc as any).spec?.selector, workload))
          result.add(svc);
      }
      for (const pdb of this.budgetsByEntry.get(`${k}=${v}`) ?? []) {
        if (selectorMatches((pdb as any).spec?.selector, podLabels))
          result.add(pdb);
      }
    }
    for (const svc of this.servicesByPodLabels) {
      if (selectsPodsOf((svc as any).spec?.selector, workload)) result.add(svc);
    }
    for (const pdb of this.budgetsByExpression) {
      if (selectorMatches((pdb as any).spec?.selector, podLabels))
        result.add(pdb);
    }
    const template = isWorkload(workload)
      ? (workload as any).spec?.template
      : workload;
    const { configMaps, secrets } = referencedNames(template);
    for (const name of configMaps) {
      const cm = this.configMaps.get(name);
      if (cm) result.add(cm);
    }
    for (const name of secrets) {
      const secret = this.secrets.get(name);
      if (secret) result.add(secret);
    }
  }

  /**
   * Workloads behind the Services these workloads name as their database: in a DSN
   * (env values, the ConfigMaps and Secrets they read) or in a host setting
   * (`DB_HOST`, `PGHOST`…, set directly or from a ConfigMap or Secret key).
   */
  private databasesNamedBy(
    workloads: Iterable<KubeObject>,
    scoped: Set<KubeObject>,
  ): KubeObject[] {
    const texts: string[] = [];
    const hostValues: string[] = [];
    for (const w of workloads) {
      const spec = isWorkload(w)
        ? (w as any).spec?.template?.spec
        : (w as any).spec;
      for (const c of [
        ...(spec?.containers ?? []),
        ...(spec?.initContainers ?? []),
      ]) {
        for (const e of c?.env ?? []) {
          const value =
            typeof e?.value === 'string' ? e.value : this.referencedValue(e);
          if (value === undefined) continue;
          texts.push(value);
          if (isDatabaseHostVariable(String(e?.name))) hostValues.push(value);
        }
      }
    }
    for (const o of scoped) {
      if (o.kind !== 'ConfigMap' && o.kind !== 'Secret') continue;
      for (const [key, value] of entriesOf(o)) {
        texts.push(value);
        if (isDatabaseHostVariable(key)) hostValues.push(value);
      }
    }
    const hosts = [
      ...texts.flatMap(findDsns).flatMap(dsn => dsn.hosts),
      ...hostValues.flatMap(v => parseHostValue(v) ?? []),
    ];
    const services = new Set<KubeObject>();
    for (const { host } of hosts) {
      // `svc`, `svc.ns…`, or a member `pod-0.headless.ns…`.
      const [first, second] = host.split('.');
      const service =
        this.servicesByName.get(first) ??
        (second ? this.servicesByName.get(second) : undefined);
      if (service) services.add(service);
    }
    const databases: KubeObject[] = [];
    for (const service of services) {
      scoped.add(service);
      const selector = (service as any).spec?.selector;
      for (const w of this.workloads) {
        if (selectsPodsOf(selector, w)) databases.push(w);
      }
    }
    return databases;
  }

  /** The value an env var takes from a ConfigMap or Secret key of this namespace. */
  private referencedValue(env: any): string | undefined {
    const from = env?.valueFrom;
    const ref = from?.configMapKeyRef ?? from?.secretKeyRef;
    if (!ref?.name || !ref?.key) return undefined;
    const source = (from.configMapKeyRef ? this.configMaps : this.secrets).get(
      ref.name,
    );
    return source ? new Map(entriesOf(source)).get(String(ref.key)) : undefined;
  }

  /** The objects that may match: those carrying the selector's required label, if any. */
  private candidates(selector: LabelSelector): KubeObject[] {
    return selector.required
      ? this.byLabel.get(selector.required) ?? []
      : this.all;
  }
}

/** {@link NamespaceObjects.scope} for one entity. */
export function scopeToEntity(
  namespaced: KubeObject[],
  selector: LabelSelector,
): KubeObject[] {
  return new NamespaceObjects(namespaced).scope(selector);
}

/** The keys and values of a ConfigMap or Secret, as text (a Secret's `data` is base64). */
function entriesOf(o: KubeObject): Array<[string, string]> {
  const { data, stringData } = o as any;
  const decode = o.kind === 'Secret';
  return [
    ...Object.entries<unknown>(data ?? {}).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' && decode
        ? Buffer.from(v, 'base64').toString('utf8')
        : String(v),
    ]),
    ...Object.entries<unknown>(stringData ?? {}).map(
      ([k, v]): [string, string] => [k, String(v)],
    ),
  ];
}

function backendServices(ingress: KubeObject): string[] {
  const spec = (ingress as any).spec ?? {};
  const backends = [
    spec.defaultBackend,
    spec.backend,
    ...(spec.rules ?? []).flatMap((r: any) =>
      (r?.http?.paths ?? []).map((p: any) => p?.backend),
    ),
  ];
  return backends
    .map((b: any) => b?.service?.name ?? b?.serviceName)
    .filter((n: unknown): n is string => typeof n === 'string');
}
