import YAML from 'yaml';

/** The ServiceAccount the portal uses, and where it lives. */
export const PORTAL_SERVICE_ACCOUNT = 'diehard-portal';
export const PORTAL_SA_NAMESPACE = 'diehard-system';
export const DEFAULT_PORTAL_NAMESPACES = ['diehard-apps'];
export const ZONES = ['lab-zone-a', 'lab-zone-b', 'lab-zone-c'];
export const MIN_NODES = 6;
/** Marks the lab's fake nodes (KWOK manages the nodes carrying this annotation). */
export const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';

/**
 * The storage classes the templates' defaults ask for, each served here by a STAND-IN
 * provisioner (storageStandIn.ts): no NFS server runs on these machines, and KWOK's
 * nodes have no disks.
 */
export const NFS_HA = {
  storageClass: 'nfs-ha',
  provisioner: 'diehard.io/nfs-ha-stand-in',
  /** A documentation address (RFC 5737): nothing answers there, by design. */
  server: '192.0.2.10',
  exportRoot: '/exports',
};
export const LOCAL_SSD = {
  storageClass: 'local-ssd',
  // The name of the provisioner it stands in for, so that whatever judges a class by
  // its provisioner (the posture engine: a node-local class) judges this one as the real.
  provisioner: 'rancher.io/local-path',
  root: '/mnt/local-ssd',
};
export const STAND_IN_ACCOUNT = 'storage-stand-in';
export const STAND_IN_NAMESPACE = 'kube-system';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete'];

/** What a posture engine reads, cluster-wide. */
const READ_RULES = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'services',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumes',
      'serviceaccounts',
      'configmaps',
      'secrets',
      'nodes',
      'namespaces',
      'replicationcontrollers',
      'resourcequotas',
      'limitranges',
      'events',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['apps'],
    resources: [
      'deployments',
      'replicasets',
      'statefulsets',
      'daemonsets',
      'controllerrevisions',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses', 'ingressclasses', 'networkpolicies'],
    verbs: READ,
  },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  // API server identity and controller-manager/scheduler leader leases (kube-system).
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: READ },
  {
    apiGroups: ['storage.k8s.io'],
    resources: ['storageclasses', 'csidrivers', 'volumeattachments'],
    verbs: READ,
  },
  {
    apiGroups: ['autoscaling'],
    resources: ['horizontalpodautoscalers'],
    verbs: READ,
  },
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'],
    verbs: READ,
  },
  {
    apiGroups: ['discovery.k8s.io'],
    resources: ['endpointslices'],
    verbs: READ,
  },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: READ },
];

/** What the portal may apply, in its chosen namespaces only (bound per namespace). */
const APPLY_RULES = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'services',
      'configmaps',
      'secrets',
      'serviceaccounts',
      'persistentvolumeclaims',
    ],
    verbs: WRITE,
  },
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
    verbs: WRITE,
  },
  {
    apiGroups: ['apps'],
    resources: ['deployments/scale', 'statefulsets/scale'],
    verbs: ['get', 'update', 'patch'],
  },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses', 'networkpolicies'],
    verbs: WRITE,
  },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
  {
    apiGroups: ['autoscaling'],
    resources: ['horizontalpodautoscalers'],
    verbs: WRITE,
  },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: WRITE },
  // A generated service brings the Role and RoleBinding its Tomcat membership needs
  // (pods get/list). Kubernetes still refuses any Role granting more than the portal holds.
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings'],
    verbs: WRITE,
  },
];

/**
 * A PersistentVolume is cluster-scoped, so a per-namespace RoleBinding cannot grant it:
 * the nfs-volume template's static volume needs this cluster-wide.
 */
const VOLUME_RULES = [
  { apiGroups: [''], resources: ['persistentvolumes'], verbs: WRITE },
];

const toYaml = (docs: object[]) =>
  docs.map(d => YAML.stringify(d)).join('---\n');

/** Namespaces, the portal's ServiceAccount, its long-lived token Secret and its RBAC. */
export function portalManifests(namespaces: string[]): string {
  const sa = {
    kind: 'ServiceAccount',
    name: PORTAL_SERVICE_ACCOUNT,
    namespace: PORTAL_SA_NAMESPACE,
  };
  return toYaml([
    ...[PORTAL_SA_NAMESPACE, ...namespaces].map(name => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'diehard.dev/lab': 'true' } },
    })),
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: PORTAL_SERVICE_ACCOUNT,
        namespace: PORTAL_SA_NAMESPACE,
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: `${PORTAL_SERVICE_ACCOUNT}-token`,
        namespace: PORTAL_SA_NAMESPACE,
        annotations: {
          'kubernetes.io/service-account.name': PORTAL_SERVICE_ACCOUNT,
        },
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: `${PORTAL_SERVICE_ACCOUNT}-read` },
      rules: READ_RULES,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `${PORTAL_SERVICE_ACCOUNT}-read` },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: `${PORTAL_SERVICE_ACCOUNT}-read`,
      },
      subjects: [sa],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: `${PORTAL_SERVICE_ACCOUNT}-apply` },
      rules: APPLY_RULES,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: `${PORTAL_SERVICE_ACCOUNT}-volumes` },
      rules: VOLUME_RULES,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `${PORTAL_SERVICE_ACCOUNT}-volumes` },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: `${PORTAL_SERVICE_ACCOUNT}-volumes`,
      },
      subjects: [sa],
    },
    ...namespaces.map(namespace => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${PORTAL_SERVICE_ACCOUNT}-apply`, namespace },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: `${PORTAL_SERVICE_ACCOUNT}-apply`,
      },
      subjects: [sa],
    })),
  ]);
}

const NFS_NOTE =
  'STAND-IN for the NFS-HA provisioner: NFS cannot run on the lab machines, so volumes ' +
  `point at ${NFS_HA.server} (a documentation address) and nothing is exported ` +
  'or mounted (KWOK mounts no volumes). See lab/README.md.';
const LOCAL_NOTE =
  'STAND-IN for a local-SSD provisioner: KWOK nodes have no disks, so volumes name a ' +
  'directory on the node the scheduler picked and nothing is created or mounted. ' +
  'See lab/README.md.';

/**
 * The `nfs-ha` and `local-ssd` StorageClasses, handled by the stand-in provisioner, and
 * that provisioner's identity: what nfs-subdir-external-provisioner's chart grants
 * (local-path-provisioner needs no more), no more.
 */
export function storageStandInManifests(): string {
  const name = `diehard-lab:${STAND_IN_ACCOUNT}`;
  return toYaml([
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: NFS_HA.storageClass,
        labels: { 'diehard.dev/lab': 'true', 'diehard.io/stand-in': 'true' },
        annotations: {
          'diehard.io/stand-in': NFS_NOTE,
          'diehard.io/nfs-server': NFS_HA.server,
          // What Ops declares on an NFS-HA class: its server is a pair's virtual address.
          'diehard.io/highly-available': 'true',
        },
      },
      provisioner: NFS_HA.provisioner,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: false,
      mountOptions: ['nfsvers=4.1', 'hard', 'timeo=600', 'retrans=3'],
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: LOCAL_SSD.storageClass,
        labels: { 'diehard.dev/lab': 'true', 'diehard.io/stand-in': 'true' },
        annotations: { 'diehard.io/stand-in': LOCAL_NOTE },
      },
      provisioner: LOCAL_SSD.provisioner,
      reclaimPolicy: 'Delete',
      // A local volume lives on one node: the scheduler picks the node first.
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: false,
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: STAND_IN_ACCOUNT,
        namespace: STAND_IN_NAMESPACE,
        annotations: {
          'diehard.io/stand-in':
            'STAND-IN provisioner of the nfs-ha and local-ssd classes: see lab/README.md',
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: `${STAND_IN_ACCOUNT}-token`,
        namespace: STAND_IN_NAMESPACE,
        annotations: {
          'kubernetes.io/service-account.name': STAND_IN_ACCOUNT,
        },
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name },
      rules: [
        {
          apiGroups: [''],
          resources: ['persistentvolumes'],
          verbs: ['get', 'list', 'watch', 'create', 'delete'],
        },
        {
          apiGroups: [''],
          resources: ['persistentvolumeclaims'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['storage.k8s.io'],
          resources: ['storageclasses'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: [''],
          resources: ['events'],
          verbs: ['create', 'update', 'patch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name,
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: STAND_IN_ACCOUNT,
          namespace: STAND_IN_NAMESPACE,
        },
      ],
    },
  ]);
}

export const nodeName = (i: number) => `lab-node-${String(i).padStart(3, '0')}`;
export const zoneOf = (i: number) => ZONES[(i - 1) % ZONES.length];

/** Fake nodes `from`..`to` (1-based), round-robin over the three zones. */
export function nodeManifests(from: number, to: number): string {
  const docs = [];
  for (let i = from; i <= to; i++) {
    const name = nodeName(i);
    docs.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        annotations: {
          [KWOK_NODE_ANNOTATION]: 'fake',
          'node.alpha.kubernetes.io/ttl': '0',
        },
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'topology.kubernetes.io/zone': zoneOf(i),
          'topology.kubernetes.io/region': 'lab',
          'node-role.kubernetes.io/worker': '',
          'diehard.dev/lab': 'true',
          type: 'kwok',
        },
      },
      status: {
        allocatable: { cpu: '16', memory: '64Gi', pods: '110' },
        capacity: { cpu: '16', memory: '64Gi', pods: '110' },
      },
    });
  }
  return toYaml(docs);
}

/**
 * LAB FIXTURE: what the ha-registry template's Deployment reads from the Secret its form
 * names by default (`registry-auth`: keys htpasswd and http-secret), which on a real
 * cluster the operations team creates. Its one htpasswd entry is the bcrypt hash of a
 * random password nobody kept, so no one signs in with it; KWOK runs no registry anyway.
 */
export const REGISTRY_AUTH_FIXTURE = {
  name: 'registry-auth',
  user: 'lab-fixture',
};
const REGISTRY_AUTH_HTPASSWD = `${REGISTRY_AUTH_FIXTURE.user}:$2y$05$hx13fA2Z6psQH6M8k3JnKujdeYZzUFXrtjD0WGC4F3wkW6AuRIarO\n`;

/** The lab's demo objects in each portal namespace, labelled and annotated as fixtures. */
export function labFixtureManifests(namespaces: string[]): string {
  return toYaml(
    namespaces.map(namespace => ({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: {
        name: REGISTRY_AUTH_FIXTURE.name,
        namespace,
        labels: {
          'diehard.dev/lab': 'true',
          'diehard.dev/lab-fixture': 'true',
        },
        annotations: {
          'diehard.dev/lab-fixture':
            'LAB FIXTURE for the ha-registry template (htpasswd, http-secret); on a real cluster the operations team creates this Secret. Nobody can sign in with its htpasswd entry. See lab/README.md.',
        },
      },
      stringData: {
        htpasswd: REGISTRY_AUTH_HTPASSWD,
        // Shared by the replicas to sign upload sessions; a lab fixture, not a secret.
        'http-secret': 'lab-fixture-upload-sessions',
      },
    })),
  );
}
