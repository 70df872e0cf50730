import { evaluatePosture } from '../evaluate';
import { selectsWorkloadPods } from './podLabels';

const redis = {
  kind: 'StatefulSet',
  name: 'redis',
  replicas: 3,
  labels: { app: 'redis' },
};

describe('selectsWorkloadPods', () => {
  it('knows the pod name and index Kubernetes gives each StatefulSet pod', () => {
    const pick = (s: Record<string, string>) => selectsWorkloadPods(s, redis);
    expect(
      pick({ app: 'redis', 'statefulset.kubernetes.io/pod-name': 'redis-0' }),
    ).toBe(true);
    expect(pick({ 'statefulset.kubernetes.io/pod-name': 'redis-2' })).toBe(
      true,
    );
    expect(pick({ 'statefulset.kubernetes.io/pod-name': 'redis-3' })).toBe(
      false,
    );
    expect(pick({ 'statefulset.kubernetes.io/pod-name': 'cache-0' })).toBe(
      false,
    );
    expect(pick({ 'apps.kubernetes.io/pod-index': '1' })).toBe(true);
    expect(
      pick({
        'statefulset.kubernetes.io/pod-name': 'redis-0',
        'apps.kubernetes.io/pod-index': '1',
      }),
    ).toBe(false);
    expect(
      pick({ app: 'redis', 'controller-revision-hash': 'redis-5d8f' }),
    ).toBe(true);
    expect(
      pick({ app: 'other', 'statefulset.kubernetes.io/pod-name': 'redis-0' }),
    ).toBe(false);
    expect(pick({})).toBe(false);
  });

  it('knows the template hash of a Deployment’s pods, not a StatefulSet’s', () => {
    const web = { kind: 'Deployment', name: 'web', labels: { app: 'web' } };
    expect(
      selectsWorkloadPods({ app: 'web', 'pod-template-hash': '7c9' }, web),
    ).toBe(true);
    expect(selectsWorkloadPods({ 'pod-template-hash': '7c9' }, redis)).toBe(
      false,
    );
    expect(
      selectsWorkloadPods(
        { 'statefulset.kubernetes.io/pod-name': 'web-0' },
        web,
      ),
    ).toBe(false);
  });
});

it('does not report a Service for one StatefulSet pod (Redis HA) as selecting nothing', () => {
  const service = (name: string, pod: string) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'cache' },
    spec: {
      selector: { app: 'redis', 'statefulset.kubernetes.io/pod-name': pod },
      ports: [{ port: 6379 }],
    },
  });
  const report = evaluatePosture({
    objects: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'redis', namespace: 'cache' },
        spec: {
          replicas: 3,
          serviceName: 'redis',
          selector: { matchLabels: { app: 'redis' } },
          template: {
            metadata: { labels: { app: 'redis' } },
            spec: { containers: [{ name: 'redis', image: 'redis:7.2.4' }] },
          },
        },
      },
      service('redis-announce-0', 'redis-0'),
      service('redis-announce-9', 'redis-9'),
    ],
  });
  const selectsNothing = report.workloads
    .flatMap(w => w.findings)
    .filter(f => f.rule === 'ingress-service-selects-nothing')
    .flatMap(f => f.objects);
  expect(selectsNothing).toEqual(['Service/cache/redis-announce-9']);
});
