import { KubeObject } from '../model/kube';
import { PodTemplate } from '../kube/podSpec';

/** A Role or ClusterRole that applies to a workload's ServiceAccount, with the binding that grants it. */
export interface BoundRole {
  binding: KubeObject;
  role?: KubeObject;
  /** True when the binding is a ClusterRoleBinding (the role applies in every namespace). */
  clusterWide: boolean;
}

/**
 * A workload and what belongs to it, as ha-taxonomy.md defines it. For objects that belong
 * to no workload (an Ingress to nothing, a Service that selects nothing) see `orphans`.
 *
 * @public
 */
export interface Workload {
  kind: 'Deployment' | 'StatefulSet' | 'ReplicaSet' | 'DaemonSet' | 'Pod';
  namespace: string;
  name: string;
  object: KubeObject;
  template: PodTemplate;
  /** HPA minReplicas when an HPA targets it, else spec.replicas (unset = 1); DaemonSet: live pods or 1. */
  replicas: number;
  /** spec.replicas as declared (unset = 1). */
  declaredReplicas: number;
  hpas: KubeObject[];
  services: KubeObject[];
  /** Ingresses and Routes whose backends are among `services`. */
  ingresses: KubeObject[];
  pdbs: KubeObject[];
  networkPolicies: KubeObject[];
  pvcs: KubeObject[];
  pvs: KubeObject[];
  configMaps: KubeObject[];
  secrets: KubeObject[];
  serviceAccountName: string;
  serviceAccount?: KubeObject;
  roles: BoundRole[];
  replicaSets: KubeObject[];
  /** Live pods: where replicas really run. Empty when the input is manifests only. */
  pods: KubeObject[];
}
