import { evaluatePosture } from '../evaluate';
import { Finding } from '../model/finding';
import { KubeObject } from '../model/kube';

/** Test fixtures: small, valid objects to vary one field at a time. Not part of the public API. */
export function deployment(
  name = 'web',
  patch: (d: any) => void = () => {},
  ns = 'shop',
): KubeObject {
  const d: any = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    topologyKey: 'kubernetes.io/hostname',
                    labelSelector: { matchLabels: { app: name } },
                  },
                },
              ],
            },
          },
          containers: [
            {
              name,
              image: `eni/${name}:1.0.0`,
              ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: { httpGet: { path: '/health', port: 'http' } },
              resources: { requests: { cpu: '100m', memory: '128Mi' } },
            },
          ],
        },
      },
    },
  };
  patch(d);
  return d;
}

/** A Service selecting `app: name`. */
export function service(
  name = 'web',
  selector: Record<string, string> = { app: name },
  ns = 'shop',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: { selector, ports: [{ port: 80, targetPort: 'http' }] },
  };
}

/** A PDB selecting `app: name`. */
export function pdb(
  name = 'web',
  spec: Record<string, unknown> = { maxUnavailable: 1 },
  ns = 'shop',
): KubeObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: ns },
    spec: { ...spec, selector: { matchLabels: { app: name } } },
  };
}

/** A NetworkPolicy selecting `app: name`, admitting HTTP. */
export function netpol(
  name = 'web',
  ns = 'shop',
  ingress: unknown[] = [{ ports: [{ port: 8080 }] }],
): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns },
    spec: {
      podSelector: { matchLabels: { app: name } },
      policyTypes: ['Ingress'],
      ingress,
    },
  };
}

/**
 * A live pod of Deployment web (through ReplicaSet web-abc) on `nodeName`, `Ready` as
 * told (no status when not told).
 */
export function webPod(name: string, nodeName: string, ready?: boolean) {
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      labels: { app: 'web' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc' }],
    },
    spec: { nodeName },
    ...(ready === undefined
      ? {}
      : {
          status: {
            conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
          },
        }),
  };
}

/** The rule ids reported on one workload (by `Kind/ns/name`) when evaluating objects. */
export function rulesOn(
  ref: string,
  objects: KubeObject[],
  files?: Array<{ path: string; content: string }>,
): string[] {
  return findingsOn(ref, objects, files).map(f => f.rule);
}

/** The findings reported on one workload (by `Kind/ns/name`). */
export function findingsOn(
  ref: string,
  objects: KubeObject[],
  files?: Array<{ path: string; content: string }>,
): Finding[] {
  const report = evaluatePosture({ objects, files });
  return (
    report.workloads.find(w => `${w.kind}/${w.namespace}/${w.name}` === ref)
      ?.findings ?? []
  );
}
