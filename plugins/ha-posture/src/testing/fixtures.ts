import type { EntityPosture, Finding } from '@diehard/plugin-ha-posture-common';

const replicaFinding: Finding = {
  rule: 'replicas-single',
  category: 'replicas',
  severity: 'critical',
  message: 'Deployment todo/todo-db runs 1 replica',
  objects: ['Deployment/todo/todo-db'],
  evidence: 'spec.replicas: 1',
  remediation:
    'Run at least 2 replicas (3 for a quorum-based database):\n\nspec:\n  replicas: 3',
  spof: 'if node worker-2 fails, todo loses its database',
};

const spreadFinding: Finding = {
  rule: 'spread-single-node',
  category: 'spread',
  severity: 'critical',
  message: 'Every replica of Deployment todo/todo-web runs on node worker-1',
  objects: ['Pod/todo/web-1', 'Pod/todo/web-2', 'Pod/todo/web-3'],
  evidence: 'spec.nodeName: worker-1 (3 of 3 pods)',
  remediation:
    'Make the anti-affinity required (or add nodes) and reschedule:\n\naffinity:\n  podAntiAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      - topologyKey: kubernetes.io/hostname',
  spof: 'if node worker-1 fails, todo loses every replica of todo-web',
};

const imageFinding: Finding = {
  rule: 'image-latest',
  category: 'image',
  severity: 'warning',
  message: 'Container web of Deployment todo/todo-web uses the tag latest',
  objects: ['Deployment/todo/todo-web'],
  evidence: 'image: todo:latest',
  remediation: 'Pin the image to a version or a digest.',
};

const probeFinding: Finding = {
  rule: 'probes-readiness',
  category: 'probes',
  severity: 'warning',
  message: 'Container db of Deployment todo/todo-db has no readinessProbe',
  objects: ['Deployment/todo/todo-db'],
  evidence: 'containers[0].readinessProbe: absent',
  remediation: 'Add a readinessProbe.',
};

const ingressFinding: Finding = {
  rule: 'ingress-backend',
  category: 'ingress',
  severity: 'warning',
  message:
    'Ingress todo/todo routes to Service todo/old-web, which does not exist',
  objects: ['Ingress/todo/todo', 'Service/todo/old-web'],
  evidence: 'spec.rules[0].http.paths[0].backend.service.name: old-web',
  remediation: 'Point the Ingress to Service todo-web.',
};

const secondImageFinding: Finding = {
  ...imageFinding,
  message: 'Container db of Deployment todo/todo-db uses the tag latest',
  objects: ['Deployment/todo/todo-db'],
};

/** A service whose web tier sits on one node and whose database runs one replica. */
export const samplePosture: EntityPosture = {
  entityRef: 'component:default/todo-web',
  source: { type: 'live', clusters: ['lab'] },
  evaluatedAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
  grade: 'D',
  singlePointsOfFailure: [
    'if node worker-1 fails, todo loses every replica of todo-web',
    'if node worker-2 fails, todo loses its database',
  ],
  report: {
    workloads: [
      {
        kind: 'Deployment',
        namespace: 'todo',
        name: 'todo-web',
        service: 'todo',
        grade: 'D',
        score: 55,
        replicas: 3,
        findings: [spreadFinding, imageFinding, ingressFinding],
        around: {
          entryPoints: ['Ingress/todo/todo'],
          databases: ['Deployment/todo/todo-db'],
          volumes: ['PersistentVolumeClaim/todo/todo-uploads'],
        },
      },
      {
        kind: 'Deployment',
        namespace: 'todo',
        name: 'todo-db',
        service: 'todo',
        grade: 'F',
        score: 30,
        replicas: 1,
        findings: [replicaFinding, probeFinding, secondImageFinding],
        around: { entryPoints: [], databases: [], volumes: [] },
      },
    ],
    cluster: {
      findings: [
        {
          rule: 'control-plane-apiservers',
          category: 'control-plane',
          severity: 'warning',
          message: 'The cluster runs 1 API server',
          objects: [],
          evidence: 'kube-apiserver pods: 1',
          remediation: 'Run at least 2 API servers behind a load balancer.',
        },
      ],
      facts: { nodes: 3, nodesPerZone: { a: 2, b: 1 } },
    },
    services: [],
  },
  placement: [
    {
      cluster: 'lab',
      kind: 'Deployment',
      namespace: 'todo',
      name: 'todo-web',
      replicas: 3,
      pods: [
        { name: 'web-1', node: 'worker-1', zone: 'a', ready: true },
        { name: 'web-2', node: 'worker-1', zone: 'a', ready: true },
        { name: 'web-3', node: 'worker-1', zone: 'a', ready: true },
      ],
    },
    {
      cluster: 'lab',
      kind: 'Deployment',
      namespace: 'todo',
      name: 'todo-db',
      replicas: 1,
      pods: [{ name: 'db-1', node: 'worker-2', zone: 'a', ready: true }],
    },
    {
      cluster: 'lab',
      kind: 'DaemonSet',
      namespace: 'todo',
      name: 'log-agent',
      replicas: 3,
      pods: [
        { name: 'agent-1', node: 'worker-1', zone: 'a', ready: true },
        { name: 'agent-2', node: 'worker-2', zone: 'a', ready: true },
        { name: 'agent-3', node: 'worker-3', zone: 'b', ready: true },
      ],
    },
  ],
};
