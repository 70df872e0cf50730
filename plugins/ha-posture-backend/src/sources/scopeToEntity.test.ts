import { evaluatePosture, KubeObject } from '@diehard/plugin-ha-posture-common';
import { parseLabelSelector } from './labelSelector';
import { scopeToEntity } from './scopeToEntity';

const ns = 'shop';

function deployment(name: string, labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, ...labels } },
        spec: { containers: [{ name, envFrom: [{ configMapRef: { name } }] }] },
      },
    },
  } as KubeObject;
}

function ownedBy(
  kind: string,
  name: string,
  owner: KubeObject,
  labels = {},
): KubeObject {
  return {
    apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
    kind,
    metadata: {
      name,
      namespace: ns,
      labels,
      ownerReferences: [{ kind: owner.kind, name: owner.metadata?.name }],
    },
  } as KubeObject;
}

const service = (name: string, selector: Record<string, string>) =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: { selector },
  } as KubeObject);

const named = (objects: KubeObject[]) =>
  objects.map(o => `${o.kind}/${o.metadata?.name}`).sort();

describe('scopeToEntity', () => {
  // Two services share the namespace; the cart entity's DB is part of its application.
  const cart = deployment('cart', {
    'backstage.io/kubernetes-id': 'cart',
    'app.kubernetes.io/part-of': 'cart',
  });
  const cartDb = deployment('cart-db', { 'app.kubernetes.io/part-of': 'cart' });
  const search = deployment('search', {
    'backstage.io/kubernetes-id': 'search',
  });
  const cartRs = ownedBy('ReplicaSet', 'cart-5d9', cart);
  const searchRs = ownedBy('ReplicaSet', 'search-7f1', search);
  const objects: KubeObject[] = [
    cart,
    cartDb,
    search,
    cartRs,
    searchRs,
    ownedBy('Pod', 'cart-5d9-a', cartRs),
    ownedBy('Pod', 'search-7f1-a', searchRs),
    service('cart', { app: 'cart' }),
    service('search', { app: 'search' }),
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'cart', namespace: ns },
      spec: {
        selector: {
          matchExpressions: [{ key: 'app', operator: 'In', values: ['cart'] }],
        },
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'search', namespace: ns },
      spec: { selector: { matchLabels: { app: 'search' } } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'search', namespace: ns },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'search' } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'cart', namespace: ns },
      spec: {
        rules: [
          { http: { paths: [{ backend: { service: { name: 'cart' } } }] } },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cart', namespace: ns },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'search', namespace: ns },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: ns },
    },
  ] as KubeObject[];

  const namesFor = (selector: string) =>
    named(scopeToEntity(objects, parseLabelSelector(selector)));

  it("keeps the entity's workloads, its application's database and what selects or routes to them", () => {
    expect(namesFor('backstage.io/kubernetes-id=cart')).toEqual([
      'ConfigMap/cart',
      'Deployment/cart',
      'Deployment/cart-db',
      'Ingress/cart',
      'Pod/cart-5d9-a',
      'PodDisruptionBudget/cart',
      'ReplicaSet/cart-5d9',
      'Service/cart',
      'ServiceAccount/default',
    ]);
  });

  it('finds the same objects with a set-based selector, which cannot use the label index', () => {
    const names = namesFor('backstage.io/kubernetes-id in (cart, basket)');
    expect(names).toContain('Deployment/cart-db');
    expect(names).not.toContain('Deployment/search');
  });

  it('leaves out the other services of the namespace', () => {
    expect(namesFor('backstage.io/kubernetes-id=search')).toEqual([
      'ConfigMap/search',
      'Deployment/search',
      'HorizontalPodAutoscaler/search',
      'Pod/search-7f1-a',
      'PodDisruptionBudget/search',
      'ReplicaSet/search-7f1',
      'Service/search',
      'ServiceAccount/default',
    ]);
  });

  it('keeps the Services that select one StatefulSet pod by the name Kubernetes gives it (Redis HA)', () => {
    const redis = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: {
        name: 'redis',
        namespace: ns,
        labels: { 'backstage.io/kubernetes-id': 'redis' },
      },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'redis' } },
        template: { metadata: { labels: { app: 'redis' } }, spec: {} },
      },
    } as KubeObject;
    const scoped = scopeToEntity(
      [
        redis,
        search,
        service('redis-announce-0', {
          app: 'redis',
          'statefulset.kubernetes.io/pod-name': 'redis-0',
        }),
        service('redis-announce-1', {
          'statefulset.kubernetes.io/pod-name': 'redis-1',
        }),
        service('cache-announce-0', {
          'statefulset.kubernetes.io/pod-name': 'cache-0',
        }),
      ],
      parseLabelSelector('backstage.io/kubernetes-id=redis'),
    );
    expect(named(scoped)).toEqual([
      'Service/redis-announce-0',
      'Service/redis-announce-1',
      'StatefulSet/redis',
    ]);
  });

  describe('a database it reaches through a DSN', () => {
    // The web service and the shared Galera cluster have no label in common: only
    // the DSN in the web's Secret ties them together.
    const web = deployment('web', { 'backstage.io/kubernetes-id': 'web' });
    (web as any).spec.template.spec.containers[0].envFrom = [
      { secretRef: { name: 'web-db' } },
    ];
    const galera = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'galera', namespace: ns },
      spec: {
        replicas: 3,
        serviceName: 'galera',
        selector: { matchLabels: { app: 'galera' } },
        template: {
          metadata: { labels: { app: 'galera' } },
          spec: { containers: [{ name: 'mariadb', image: 'mariadb:11.4' }] },
        },
      },
    } as KubeObject;
    const withDsn = (dsn: string): KubeObject[] =>
      [
        web,
        search,
        galera,
        ownedBy('Pod', 'galera-0', galera, { app: 'galera' }),
        service('galera', { app: 'galera' }),
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'web-db', namespace: ns },
          data: { DB_URL: Buffer.from(dsn).toString('base64') },
        },
      ] as KubeObject[];
    const webSelector = parseLabelSelector('backstage.io/kubernetes-id=web');
    const databaseFindings = (scoped: KubeObject[]) =>
      evaluatePosture({ objects: scoped })
        .workloads.flatMap(w => w.findings)
        .filter(f => f.category === 'database');

    it('follows a DSN naming its Service, so the posture sees the cluster behind it', () => {
      const scoped = scopeToEntity(
        withDsn('jdbc:mariadb://galera:3306/todo'),
        webSelector,
      );
      expect(named(scoped)).toEqual([
        'Deployment/web',
        'Pod/galera-0',
        'Secret/web-db',
        'Service/galera',
        'StatefulSet/galera',
      ]);
      expect(databaseFindings(scoped)).toEqual([]);
    });

    it('follows member host names (pod-0.headless) too, and still leaves unrelated services out', () => {
      const scoped = scopeToEntity(
        withDsn(
          'jdbc:mariadb:sequential://galera-0.galera:3306,galera-1.galera:3306/todo',
        ),
        webSelector,
      );
      expect(named(scoped)).toContain('StatefulSet/galera');
      expect(named(scoped)).not.toContain('Deployment/search');
    });

    it('adds nothing for a host that is no Service here, and the posture says so', () => {
      const scoped = scopeToEntity(
        withDsn('jdbc:mariadb://db.example.org:3306/todo'),
        webSelector,
      );
      expect(named(scoped)).toEqual(['Deployment/web', 'Secret/web-db']);
      expect(databaseFindings(scoped).map(f => f.severity)).toEqual([
        'critical',
      ]);
    });
  });

  describe('a database it names by host alone', () => {
    // WordPress-style: the host in DB_HOST, directly or from a ConfigMap key; the
    // MySQL StatefulSet shares no label with the app.
    const mysql = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'mysql', namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { tier: 'db' } },
        template: {
          metadata: { labels: { tier: 'db' } },
          spec: { containers: [{ name: 'mysql', image: 'mysql:8.0' }] },
        },
      },
    } as KubeObject;
    const mysqlService = service('mysql', { tier: 'db' });
    const blog = (env: unknown[]): KubeObject => {
      const d = deployment('blog', { 'backstage.io/kubernetes-id': 'blog' });
      (d as any).spec.template.spec.containers = [
        { name: 'wordpress', image: 'wordpress:6', env },
      ];
      return d;
    };
    const selector = parseLabelSelector('backstage.io/kubernetes-id=blog');

    it.each([
      [
        'set directly',
        [{ name: 'WORDPRESS_DB_HOST', value: 'mysql:3306' }],
        [],
      ],
      [
        'from a ConfigMap key',
        [
          {
            name: 'DB_HOST',
            valueFrom: { configMapKeyRef: { name: 'blog-db', key: 'host' } },
          },
        ],
        [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'blog-db', namespace: ns },
            data: { host: 'mysql.shop.svc.cluster.local' },
          },
        ],
      ],
    ])('follows the host %s to the workload behind it', (_how, env, extra) => {
      const scoped = scopeToEntity(
        [blog(env), mysql, mysqlService, search, ...(extra as KubeObject[])],
        selector,
      );
      expect(named(scoped)).toContain('StatefulSet/mysql');
      expect(named(scoped)).not.toContain('Deployment/search');
      // The single MySQL pod is then judged, as a DSN's would be.
      expect(
        evaluatePosture({ objects: scoped })
          .workloads.flatMap(w => w.findings)
          .some(f => f.category === 'database' && f.severity === 'critical'),
      ).toBe(true);
    });

    it('does not follow a variable Kubernetes injects (MYSQL_SERVICE_HOST)', () => {
      const scoped = scopeToEntity(
        [
          blog([{ name: 'MYSQL_SERVICE_HOST', value: 'mysql' }]),
          mysql,
          mysqlService,
        ],
        selector,
      );
      expect(named(scoped)).not.toContain('StatefulSet/mysql');
    });
  });
});
