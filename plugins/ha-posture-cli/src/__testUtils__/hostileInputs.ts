import { stringify } from 'yaml';

/** One generated input: files to write (or special files to create), and how to scan them. */
export interface HostileInput {
  label: string;
  files: Array<
    | { name: string; content: string | Uint8Array }
    | { name: string; special: 'dev-zero' | 'fifo' | 'dangling' | 'dir' }
  >;
  /** Fed to `scan -` instead of files, when set. */
  stdin?: string | Uint8Array;
  args: string[];
}

/** A small seeded PRNG (mulberry32): the same seed gives the same inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE: any[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          serviceAccountName: 'web',
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                {
                  topologyKey: 'kubernetes.io/hostname',
                  labelSelector: { matchLabels: { app: 'web' } },
                },
              ],
            },
          },
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone' },
          ],
          containers: [
            {
              name: 'tomcat',
              image: 'tomcat:10.1',
              ports: [{ containerPort: 8080 }, { containerPort: 4000 }],
              env: [
                {
                  name: 'DB_URL',
                  value: 'jdbc:mariadb://galera:3306/shop',
                },
                {
                  name: 'PASSWORD',
                  valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } },
                },
              ],
              readinessProbe: { httpGet: { path: '/', port: 8080 } },
              resources: { requests: { cpu: '100m', memory: '256Mi' } },
              volumeMounts: [
                {
                  name: 'conf',
                  mountPath: '/usr/local/tomcat/conf/server.xml',
                  subPath: 'server.xml',
                },
                { name: 'data', mountPath: '/data' },
              ],
            },
          ],
          volumes: [
            { name: 'conf', configMap: { name: 'web-conf' } },
            { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } },
            { name: 'nfs', nfs: { server: 'nfs', path: '/x' } },
            { name: 'host', hostPath: { path: '/var' } },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'web-conf', namespace: 'shop' },
    data: {
      'server.xml':
        '<Server><Service><Engine><Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster"><Channel><Membership className="org.apache.catalina.tribes.membership.cloud.CloudMembershipService"/></Channel></Cluster></Engine></Service></Server>',
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop' },
    stringData: { pw: 'x', url: 'mysql://u:p@galera:3306/shop' },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  },
  {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      podSelector: {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }],
      },
      ingress: [{ ports: [{ port: 4000 }] }],
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      rules: [
        {
          http: {
            paths: [{ path: '/', backend: { service: { name: 'web' } } }],
          },
        },
      ],
    },
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      scaleTargetRef: { kind: 'Deployment', name: 'web' },
      minReplicas: 2,
    },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'web-data', namespace: 'shop' },
    spec: { accessModes: ['ReadWriteOnce'], volumeName: 'pv1' },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv1' },
    spec: { claimRef: { name: 'web-data', namespace: 'shop' } },
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'web', namespace: 'shop' },
    subjects: [{ kind: 'ServiceAccount', name: 'web' }],
    roleRef: { kind: 'Role', name: 'pods' },
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'pods', namespace: 'shop' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'galera', namespace: 'shop' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'galera' } },
      template: {
        metadata: { labels: { app: 'galera' } },
        spec: {
          containers: [
            {
              name: 'db',
              image: 'bitnami/mariadb-galera:11',
              ports: [{ containerPort: 3306 }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'] },
        },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'n1',
      labels: { 'topology.kubernetes.io/zone': 'a' },
    },
  },
];

const HOSTILE_VALUES: Array<(r: () => number) => unknown> = [
  () => null,
  () => 0,
  () => -1,
  () => 1e308,
  () => true,
  () => '',
  () => [],
  () => ({}),
  () => [null],
  () => [[1, 2], { a: [] }],
  () => ({ a: { b: { c: null } } }),
  () => '{{ .Values.x }}',
  () => 'x'.repeat(5000),
  () => '__proto__',
  () => ({ __proto__x: 1, constructor: 'x', toString: 1 }),
  r => Math.floor(r() * 70000),
  r => String.fromCharCode(Math.floor(r() * 0xffff)).repeat(3),
];

function paths(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value))
    value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      out.push(...paths(v, [...prefix, k]));
  return out;
}

/** The base manifests with a few values anywhere in them replaced by hostile ones. */
function typeMutation(r: () => number): string {
  const docs = structuredClone(BASE);
  const all = paths(docs).filter(p => p.length >= 2);
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const p = all[Math.floor(r() * all.length)];
    let parent: any = docs;
    for (const k of p.slice(0, -1)) parent = parent?.[k];
    if (parent && typeof parent === 'object')
      parent[p[p.length - 1]] =
        HOSTILE_VALUES[Math.floor(r() * HOSTILE_VALUES.length)](r);
  }
  return docs.map(d => stringify(d)).join('---\n');
}

function aliasBomb(r: () => number): string {
  const depth = 4 + Math.floor(r() * 6);
  const width = 5 + Math.floor(r() * 10);
  const where = ['spec.selector', 'metadata.labels', 'data'][
    Math.floor(r() * 3)
  ];
  const lines = [`    l0: &l0 [${Array(width).fill('"x"').join(',')}]`];
  for (let i = 1; i < depth; i++)
    lines.push(
      `    l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  const [a, b] = where.split('.');
  return [
    'apiVersion: v1',
    `kind: ${r() < 0.5 ? 'Service' : 'ConfigMap'}`,
    'metadata:',
    '  name: bomb',
    b ? `${a}:\n  ${b}:` : `${a}:\n  bomb:`,
    ...lines,
  ].join('\n');
}

const TEMPLATE_LINES = [
  'namespace: {{ .Release.Namespace }}',
  'replicas: {{ .Values.replicaCount }}',
  'labels:\n    {{- include "chart.labels" . | nindent 4 }}',
  'name: {{ include "chart.fullname" . }}',
  'annotations: {{ toYaml .Values.annotations | nindent 4 }}',
  '{{- if .Values.enabled }}\n  x: 1\n  {{- end }}',
  'image: {{ .Values.image.repository }}:{{ .Values.image.tag }}',
  'env:\n    {{- range .Values.env }}\n    - name: {{ .name }}\n    {{- end }}',
];

function template(r: () => number): string {
  const docs = structuredClone(BASE).map(d => stringify(d));
  const i = Math.floor(r() * docs.length);
  const line = TEMPLATE_LINES[Math.floor(r() * TEMPLATE_LINES.length)];
  docs[i] = docs[i].replace(/^metadata:\n/m, `metadata:\n  ${line}\n`);
  return docs.join('---\n');
}

function bytes(r: () => number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

function encoding(r: () => number): Uint8Array {
  const text = BASE.map(d => stringify(d)).join('---\n');
  const utf8 = Buffer.from(text, 'utf8');
  switch (Math.floor(r() * 6)) {
    case 0:
      return Buffer.from(text, 'utf16le');
    case 1:
      return Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(text, 'utf16le'),
      ]);
    case 2: {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2)
        [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 3: {
      const at = Math.floor(r() * utf8.length);
      return Buffer.concat([
        utf8.subarray(0, at),
        Buffer.from([0]),
        utf8.subarray(at),
      ]);
    }
    case 4: {
      const at = Math.floor(r() * utf8.length);
      return Buffer.concat([
        utf8.subarray(0, at),
        Buffer.from([0xc3, 0x28, 0xff]),
        utf8.subarray(at),
      ]);
    }
    default:
      return bytes(r, 16 + Math.floor(r() * 4096));
  }
}

function structure(r: () => number): string {
  const n = 2000 + Math.floor(r() * 30000);
  switch (Math.floor(r() * 6)) {
    case 0:
      return `kind: Pod\nspec: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    case 1:
      return `${'{"kind":"List","items":['.repeat(n / 10)}${']}'.repeat(
        n / 10,
      )}`;
    case 2:
      return `${'---\n'.repeat(n * 3)}kind: Service\n`;
    case 3:
      return `kind: ConfigMap\nmetadata: {name: m}\ndata:\n${Array.from(
        { length: n },
        (_, i) => `  k${i}: v`,
      ).join('\n')}\n`;
    case 4:
      return `kind: Deployment\nmetadata: {name: ${'a'.repeat(n * 20)}}\n`;
    default:
      return `${'a: '.repeat(n)}b\n`;
  }
}

function tomcatXml(r: () => number): string {
  const n = 1000 + Math.floor(r() * 100_000);
  switch (Math.floor(r() * 5)) {
    case 0:
      return `<Server>${'<Service>'.repeat(n)}<Cluster/>`;
    case 1:
      return `<Server>${'<a>'.repeat(n)}${'</b>'.repeat(n)}`;
    case 2:
      return `<Server ${'x'.repeat(n * 10)}>`;
    case 3:
      return `<Server a="&#x110000;&#99999999999;&${'a'.repeat(
        n,
      )}"><!--${'-'.repeat(n)}`;
    default:
      return `<!DOCTYPE x [${'['.repeat(
        n,
      )}<Server><Cluster className="${'&amp;'.repeat(n)}"/>`;
  }
}

/** `count` hostile inputs mixing every class, deterministic for a seed. */
export function hostileInputs(seed: number, count: number): HostileInput[] {
  const r = prng(seed);
  const out: HostileInput[] = [];
  const specials = ['dev-zero', 'fifo', 'dangling', 'dir'] as const;
  for (let i = 0; i < count; i++) {
    const cls = i % 8;
    const args = r() < 0.3 ? ['--fail-on', 'warning'] : [];
    const format = ['table', 'json', 'sarif'][Math.floor(r() * 3)];
    args.push('--format', format);
    const valid = {
      name: 'valid.yaml',
      content: BASE.map(d => stringify(d)).join('---\n'),
    };
    let input: HostileInput;
    if (cls === 0)
      input = {
        label: 'alias bomb',
        files: [{ name: 'bomb.yaml', content: aliasBomb(r) }, valid],
        args,
      };
    else if (cls === 1)
      input = {
        label: 'unrendered template',
        files: [{ name: 'chart.yaml', content: template(r) }],
        args,
      };
    else if (cls === 2) {
      const special = specials[Math.floor(r() * specials.length)];
      input = {
        // A directory named x.yaml is walked like any directory: nothing unreadable.
        label: special === 'dir' ? 'directory named *.yaml' : 'special file',
        files: [{ name: 'x.yaml', special }, valid],
        args,
      };
    } else if (cls === 3)
      input = {
        label: 'encoding',
        files: [{ name: 'enc.yaml', content: encoding(r) }, valid],
        args,
      };
    else if (cls === 4)
      input = {
        label: 'oversized',
        files: [
          {
            name: 'big.yaml',
            content: `${valid.content}#${'x'.repeat(70_000)}\n`,
          },
          valid,
        ],
        args: [...args, '--max-file-size', '64k'],
      };
    else if (cls === 5)
      input = {
        label: 'structure',
        files: [{ name: 'deep.yaml', content: structure(r) }],
        args,
      };
    else if (cls === 7)
      input = {
        label: 'tomcat xml',
        files: [
          valid,
          {
            name: r() < 0.5 ? 'context.xml' : 'web.xml',
            content: tomcatXml(r),
          },
        ],
        args,
      };
    else
      input = {
        label: 'type mutation',
        files: [{ name: 'mutated.yaml', content: typeMutation(r) }],
        args,
      };
    if (r() < 0.15 && input.files.length > 0 && 'content' in input.files[0]) {
      input.stdin = input.files[0].content;
      input.files = [];
    }
    out.push(input);
  }
  return out;
}
