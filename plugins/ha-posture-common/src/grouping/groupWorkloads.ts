import { KubeObject, namespaceOf } from '../model/kube';
import { containersOf, podTemplateOf, volumesOf } from '../kube/podSpec';
import { selectsWorkloadPods } from '../kube/podLabels';
import { selectorMatches } from '../kube/selectors';
import { boundVolume } from '../storage/boundVolume';
import { ObjectIndex } from './ObjectIndex';
import { BindingIndex } from './BindingIndex';
import { WorkloadLabelIndex } from './WorkloadLabelIndex';
import { BoundRole, Workload } from './workload';

const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'DaemonSet',
  'Pod',
] as const;

/** The result of {@link groupWorkloads}. */
export interface Grouping {
  workloads: Workload[];
  /** Services with a selector that selects no workload's pods. */
  orphanServices: KubeObject[];
  /** For each Service, the workloads whose pods it selects. */
  serviceWorkloads: Map<KubeObject, Workload[]>;
}

/** The Service names an Ingress (networking v1 or v1beta1) or an OpenShift Route sends traffic to. */
export function backendServiceNames(obj: KubeObject): string[] {
  const names: string[] = [];
  const spec = obj.spec ?? {};
  if (obj.kind === 'Route') {
    if (spec.to?.name) names.push(spec.to.name);
    for (const b of spec.alternateBackends ?? [])
      if (b?.name) names.push(b.name);
    return names;
  }
  const add = (b: any) => {
    const n = b?.service?.name ?? b?.serviceName;
    if (n) names.push(n);
  };
  add(spec.defaultBackend);
  add(spec.backend);
  for (const rule of spec.rules ?? [])
    for (const p of rule?.http?.paths ?? []) add(p?.backend);
  return [...new Set(names)];
}

function ownerOf(obj: KubeObject, kind?: string) {
  return (obj.metadata?.ownerReferences ?? []).find(
    r => !kind || r?.kind === kind,
  );
}

function serviceAccountBound(
  binding: KubeObject,
  saName: string,
  ns: string,
): boolean {
  const bindingNs = namespaceOf(binding);
  return ((binding as any).subjects ?? []).some((s: any) => {
    if (s?.kind === 'ServiceAccount') {
      return s.name === saName && (s.namespace || bindingNs) === ns;
    }
    if (s?.kind === 'Group') {
      return (
        s.name === 'system:serviceaccounts' ||
        s.name === `system:serviceaccounts:${ns}`
      );
    }
    return false;
  });
}

/**
 * Turns a flat set of objects into workloads with what belongs to them. ReplicaSets owned by
 * (or selected by) a Deployment fold into it; live Pods attach to the workload that owns them.
 */
export function groupWorkloads(index: ObjectIndex): Grouping {
  const workloads: Workload[] = [];
  const byKey = new Map<string, Workload>();
  const key = (kind: string, ns: string, name: string) =>
    `${kind}/${ns}/${name}`;

  const deploymentsByNs = new Map<string, KubeObject[]>();
  for (const d of index.list('Deployment')) {
    const ns = namespaceOf(d);
    const list = deploymentsByNs.get(ns);
    if (list) list.push(d);
    else deploymentsByNs.set(ns, [d]);
  }

  // ReplicaSet -> owning Deployment (by owner reference, else by the Deployment's selector).
  const rsOwner = new Map<KubeObject, KubeObject>();
  for (const rs of index.list('ReplicaSet')) {
    const ns = namespaceOf(rs);
    const ref = ownerOf(rs, 'Deployment');
    let dep = ref ? index.get('Deployment', ns, ref.name) : undefined;
    if (!dep && !ref && rs.metadata?.labels?.['pod-template-hash']) {
      dep = (deploymentsByNs.get(ns) ?? []).find(d =>
        selectorMatches(d.spec?.selector, rs.spec?.template?.metadata?.labels),
      );
    }
    if (dep) rsOwner.set(rs, dep);
    else if (ref) rsOwner.set(rs, rs); // owned by a Deployment we do not see: not a workload of its own
  }

  for (const kind of WORKLOAD_KINDS) {
    for (const obj of index.list(kind)) {
      if (kind === 'ReplicaSet' && rsOwner.has(obj)) continue;
      if (kind === 'Pod' && (obj.metadata?.ownerReferences ?? []).length > 0)
        continue;
      const template = podTemplateOf(obj);
      if (!template) continue;
      const ns = namespaceOf(obj);
      const name = obj.metadata?.name ?? '(unnamed)';
      const specReplicas =
        typeof obj.spec?.replicas === 'number' ? obj.spec.replicas : 1;
      const declared = kind === 'Pod' ? 1 : specReplicas;
      const w: Workload = {
        kind,
        namespace: ns,
        name,
        object: obj,
        template,
        replicas: declared,
        declaredReplicas: declared,
        hpas: [],
        services: [],
        ingresses: [],
        pdbs: [],
        networkPolicies: [],
        pvcs: [],
        pvs: [],
        configMaps: [],
        secrets: [],
        serviceAccountName:
          template.spec.serviceAccountName ||
          template.spec.serviceAccount ||
          'default',
        roles: [],
        replicaSets: [],
        pods: kind === 'Pod' ? [obj] : [],
      };
      workloads.push(w);
      byKey.set(key(kind, ns, name), w);
    }
  }

  for (const [rs, dep] of rsOwner) {
    if (rs === dep) continue;
    byKey
      .get(key('Deployment', namespaceOf(dep), dep.metadata?.name ?? ''))
      ?.replicaSets.push(rs);
  }

  // Live pods.
  for (const pod of index.list('Pod')) {
    const refs = pod.metadata?.ownerReferences ?? [];
    if (refs.length === 0) continue;
    const ns = namespaceOf(pod);
    let target: Workload | undefined;
    for (const ref of refs) {
      if (ref?.kind === 'ReplicaSet') {
        const rs = index.get('ReplicaSet', ns, ref.name);
        const dep = rs ? rsOwner.get(rs) : undefined;
        target =
          dep && dep !== rs
            ? byKey.get(key('Deployment', ns, dep.metadata?.name ?? ''))
            : byKey.get(key('ReplicaSet', ns, ref.name ?? ''));
        if (!target) {
          // The ReplicaSet is not in the input: its Deployment's selector still finds the pod.
          target = workloads.find(
            w =>
              w.kind === 'Deployment' &&
              w.namespace === ns &&
              selectorMatches(w.object.spec?.selector, pod.metadata?.labels),
          );
        }
      } else if (ref?.kind === 'StatefulSet' || ref?.kind === 'DaemonSet') {
        target = byKey.get(key(ref.kind, ns, ref.name ?? ''));
      }
      if (target) break;
    }
    target?.pods.push(pod);
  }

  const serviceWorkloads = new Map<KubeObject, Workload[]>();
  const labelIndex = new WorkloadLabelIndex(workloads);
  for (const svc of index.list('Service')) {
    const selector = svc.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) continue;
    const selected = labelIndex
      .candidates(namespaceOf(svc), selector)
      .filter(w =>
        selectsWorkloadPods(selector, {
          kind: w.kind,
          name: w.name,
          replicas: Math.max(w.replicas, w.declaredReplicas),
          labels: w.template.metadata.labels,
        }),
      );
    if (selected.length === 0) continue;
    serviceWorkloads.set(svc, selected);
    for (const w of selected) w.services.push(svc);
  }
  // Ingresses and Routes reach the workloads of the Services they name.
  const byServiceName = new Map<string, Workload[]>();
  for (const [svc, selected] of serviceWorkloads) {
    const k = `${namespaceOf(svc)}\u0000${svc.metadata?.name}`;
    byServiceName.set(k, [...(byServiceName.get(k) ?? []), ...selected]);
  }
  for (const kind of ['Ingress', 'Route']) {
    for (const ing of index.list(kind)) {
      const ns = namespaceOf(ing);
      const reached = new Set<Workload>();
      for (const n of backendServiceNames(ing))
        for (const w of byServiceName.get(`${ns}\u0000${n}`) ?? [])
          reached.add(w);
      for (const w of reached) w.ingresses.push(ing);
    }
  }
  for (const pdb of index.list('PodDisruptionBudget')) {
    const selector = pdb.spec?.selector;
    for (const w of labelIndex.candidates(
      namespaceOf(pdb),
      selector?.matchLabels,
    ))
      if (selectorMatches(selector, w.template.metadata.labels))
        w.pdbs.push(pdb);
  }
  for (const np of index.list('NetworkPolicy')) {
    const selector = np.spec?.podSelector;
    for (const w of labelIndex.candidates(
      namespaceOf(np),
      selector?.matchLabels,
    ))
      if (selectorMatches(selector, w.template.metadata.labels))
        w.networkPolicies.push(np);
  }
  const hpasByTarget = new Map<string, KubeObject[]>();
  for (const hpa of index.list('HorizontalPodAutoscaler')) {
    const t = hpa.spec?.scaleTargetRef;
    const k = `${namespaceOf(hpa)}\u0000${t?.kind}\u0000${t?.name}`;
    hpasByTarget.set(k, [...(hpasByTarget.get(k) ?? []), hpa]);
  }

  const roleBindings = new BindingIndex(index.list('RoleBinding'));
  const clusterRoleBindings = new BindingIndex(
    index.list('ClusterRoleBinding'),
  );

  for (const w of workloads) {
    const ns = w.namespace;
    w.hpas = hpasByTarget.get(`${ns}\u0000${w.kind}\u0000${w.name}`) ?? [];
    if (w.hpas.length > 0) {
      w.replicas = Math.min(
        ...w.hpas.map(h =>
          typeof h.spec?.minReplicas === 'number' ? h.spec.minReplicas : 1,
        ),
      );
    }
    if (w.kind === 'DaemonSet') w.replicas = Math.max(w.pods.length, 1);

    const spec = w.template.spec;
    const cms = new Set<string>();
    const secrets = new Set<string>();
    for (const v of volumesOf(spec)) {
      if (v?.persistentVolumeClaim?.claimName) {
        const pvc = index.get(
          'PersistentVolumeClaim',
          ns,
          v.persistentVolumeClaim.claimName,
        );
        if (pvc) w.pvcs.push(pvc);
      }
      if (v?.configMap?.name) cms.add(v.configMap.name);
      if (v?.secret?.secretName) secrets.add(v.secret.secretName);
      for (const s of v?.projected?.sources ?? []) {
        if (s?.configMap?.name) cms.add(s.configMap.name);
        if (s?.secret?.name) secrets.add(s.secret.name);
      }
    }
    for (const c of [
      ...containersOf(spec),
      ...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
    ]) {
      for (const e of c?.env ?? []) {
        if (e?.valueFrom?.configMapKeyRef?.name)
          cms.add(e.valueFrom.configMapKeyRef.name);
        if (e?.valueFrom?.secretKeyRef?.name)
          secrets.add(e.valueFrom.secretKeyRef.name);
      }
      for (const e of c?.envFrom ?? []) {
        if (e?.configMapRef?.name) cms.add(e.configMapRef.name);
        if (e?.secretRef?.name) secrets.add(e.secretRef.name);
      }
    }
    for (const n of cms) {
      const cm = index.get('ConfigMap', ns, n);
      if (cm) w.configMaps.push(cm);
    }
    for (const n of secrets) {
      const s = index.get('Secret', ns, n);
      if (s) w.secrets.push(s);
    }
    for (const pvc of w.pvcs) {
      const pv = boundVolume(pvc, index);
      if (pv) w.pvs.push(pv);
    }

    w.serviceAccount = index.get('ServiceAccount', ns, w.serviceAccountName);
    const roles: BoundRole[] = [];
    for (const rb of roleBindings.candidates(ns, w.serviceAccountName)) {
      if (namespaceOf(rb) !== ns) continue;
      if (!serviceAccountBound(rb, w.serviceAccountName, ns)) continue;
      const ref = (rb as any).roleRef ?? {};
      const role =
        ref.kind === 'ClusterRole'
          ? index.get('ClusterRole', '', ref.name)
          : index.get('Role', ns, ref.name);
      roles.push({ binding: rb, role, clusterWide: false });
    }
    for (const crb of clusterRoleBindings.candidates(
      ns,
      w.serviceAccountName,
    )) {
      if (!serviceAccountBound(crb, w.serviceAccountName, ns)) continue;
      roles.push({
        binding: crb,
        role: index.get('ClusterRole', '', (crb as any).roleRef?.name),
        clusterWide: true,
      });
    }
    w.roles = roles;
  }

  const orphanServices = index
    .list('Service')
    .filter(
      s =>
        !serviceWorkloads.has(s) &&
        s.spec?.selector &&
        Object.keys(s.spec.selector).length > 0,
    );

  return { workloads, orphanServices, serviceWorkloads };
}
