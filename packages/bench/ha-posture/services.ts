import { KubernetesObject } from '@kubernetes/client-node';

/** How a generated service is deployed: the fleet's realistic mix. */
export type Shape = 'ha' | 'no-budget' | 'one-node';

export const BENCH_NAMESPACE = 'ha-posture-bench';

/** Half are highly available, a quarter lack spread and budget, a quarter sit on one node. */
export function shapeOf(i: number): Shape {
  if (i % 4 === 3) return 'one-node';
  if (i % 4 === 2) return 'no-budget';
  return 'ha';
}

export const serviceName = (i: number) =>
  `bench-svc-${String(i).padStart(4, '0')}`;

/** The Kubernetes objects of service i: Deployment (3 replicas), Service, ConfigMap, and PDB/HPA when HA. */
export function serviceObjects(i: number, nodes: number): KubernetesObject[] {
  const name = serviceName(i);
  const shape = shapeOf(i);
  const labels = { app: name, 'backstage.io/kubernetes-id': name };
  const metadata = { name, namespace: BENCH_NAMESPACE, labels };
  const ha = shape === 'ha';
  const container = {
    name: 'web',
    image: 'registry.lab.internal/bench/web:1.0.0',
    ports: [{ containerPort: 8080 }],
    resources: ha
      ? {
          requests: { cpu: '100m', memory: '256Mi' },
          limits: { memory: '256Mi' },
        }
      : undefined,
    readinessProbe: ha
      ? { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 }
      : undefined,
    livenessProbe: ha
      ? { httpGet: { path: '/health', port: 8080 }, periodSeconds: 10 }
      : undefined,
    envFrom: [{ configMapRef: { name } }],
  };
  const spread = ha
    ? {
        topologySpreadConstraints: [
          'topology.kubernetes.io/zone',
          'kubernetes.io/hostname',
        ].map(topologyKey => ({
          maxSkew: 1,
          topologyKey,
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: name } },
        })),
      }
    : {};
  const pinned =
    shape === 'one-node'
      ? {
          nodeSelector: {
            'kubernetes.io/hostname': `lab-node-${String(
              (i % nodes) + 1,
            ).padStart(3, '0')}`,
          },
        }
      : {};
  const objects: KubernetesObject[] = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata,
      data: { JAVA_OPTS: '-Xmx192m', LOG_LEVEL: 'info' },
    } as KubernetesObject,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: name } },
        strategy: ha
          ? {
              type: 'RollingUpdate',
              rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
            }
          : undefined,
        template: {
          metadata: { labels },
          spec: { containers: [container], ...spread, ...pinned },
        },
      },
    } as KubernetesObject,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: {
        selector: { app: name },
        ports: [{ port: 80, targetPort: 8080 }],
      },
    } as KubernetesObject,
  ];
  if (ha) {
    objects.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata,
      spec: { minAvailable: 2, selector: { matchLabels: { app: name } } },
    } as KubernetesObject);
  }
  if (ha && i % 2 === 0) {
    objects.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: 3,
        maxReplicas: 6,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 70 },
            },
          },
        ],
      },
    } as KubernetesObject);
  }
  return objects;
}

/** The catalog entity of service i, as a developer would register it. */
export function serviceEntity(i: number) {
  const name = serviceName(i);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/kubernetes-namespace': BENCH_NAMESPACE,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: i % 2 ? 'group:default/ops-team' : 'group:default/dev-team',
    },
  };
}
