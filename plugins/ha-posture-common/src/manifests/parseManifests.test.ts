import { parse } from 'yaml';
import { evaluatePosture } from '../evaluate';
import { parseManifests } from './parseManifests';

describe('parseManifests', () => {
  it('reads multi-document YAML and flattens kind: List', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: a}',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}',
      '- {apiVersion: v1, kind: Secret, metadata: {name: c}}',
      '---',
      '',
    ].join('\n');
    const { objects, errors } = parseManifests(text, 'x.yaml');
    expect(errors).toEqual([]);
    expect(objects.map(o => o.object.kind)).toEqual([
      'Service',
      'ConfigMap',
      'Secret',
    ]);
    expect(objects[0].source).toEqual({ file: 'x.yaml', line: 1 });
    expect(objects[1].source.line).toBe(5);
  });

  it('reads JSON, a single object or a List', () => {
    const { objects } = parseManifests(
      JSON.stringify({
        kind: 'List',
        items: [{ kind: 'Pod', metadata: { name: 'p' } }],
      }),
      'x.json',
    );
    expect(objects.map(o => o.object.metadata?.name)).toEqual(['p']);
  });

  it('names the line of a broken document and keeps the others', () => {
    const text = [
      'kind: Service',
      'metadata: {name: a}',
      '---',
      'kind: Pod',
      'metadata: [unclosed',
      '---',
      'kind: ConfigMap',
    ].join('\n');
    const { objects, errors } = parseManifests(text, 'bad.yaml');
    expect(objects.map(o => o.object.kind)).toEqual(['Service', 'ConfigMap']);
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('bad.yaml');
    expect(errors[0].line).toBeGreaterThanOrEqual(5);
  });
});

describe('parseManifests reads YAML as Kubernetes does', () => {
  it('applies merge keys, reads yes as true and keeps an unquoted date as text', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, annotations: {released: 2026-01-01}}',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      hostNetwork: yes',
      '      containers:',
      '        - &base',
      '          name: web',
      '          resources: {requests: {cpu: 500m, memory: 1Gi}}',
      '        - <<: *base',
      '          name: sidecar',
    ].join('\n');
    const { objects, errors } = parseManifests(text, 'k.yaml');
    expect(errors).toEqual([]);
    const [deployment] = objects.map(o => o.object);
    expect(deployment.metadata?.annotations).toEqual({
      released: '2026-01-01',
    });
    expect(deployment.spec.template.spec.containers[1]).toEqual({
      name: 'sidecar',
      resources: { requests: { cpu: '500m', memory: '1Gi' } },
    });
    const rules = evaluatePosture({
      objects: [deployment],
    }).workloads[0].findings.map(f => f.rule);
    expect(rules).not.toContain('resources-no-requests');
    expect(rules).toContain('ingress-host-port');
  });
});

/** Plain scalars and what go-yaml, and so kubectl, reads them as. */
const GO_YAML_READINGS: Array<[string, unknown]> = [
  ['yes', true],
  ['On', true],
  ['y', true],
  ['off', false],
  ['n', false],
  ['0644', 0o644],
  ['1_000', 1000],
  ['-0x1F', -31],
  ['08', 8],
  ['1e3', 1000],
  ['-.5', -0.5],
  ['1.', 1],
  ['.inf', Infinity],
  ['.', '.'],
  ['-.', '-.'],
  ['e2', 'e2'],
  ['.e5', '.e5'],
  ['2026-01-01', '2026-01-01'],
  ['12:30', '12:30'],
  ['~', null],
];

describe('parseManifests reads each scalar as go-yaml, and so kubectl, does', () => {
  it.each(GO_YAML_READINGS)('%s is %j', (text, value) => {
    const { objects, errors } = parseManifests(
      `kind: T\nmetadata: {name: t}\nv: ${text}\n`,
    );
    expect(errors).toEqual([]);
    expect(objects[0].object.v).toEqual(value);
  });

  it('reads a number-like scalar of 300,000 characters within a second', () => {
    const started = Date.now();
    const { objects } = parseManifests(
      `kind: T\nmetadata: {name: t}\nv: .${'1'.repeat(300_000)}x\n`,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(objects[0].object.v).toHaveLength(300_002);
  });
});

describe('parseManifests on hostile input', () => {
  const bomb = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: bomb}',
    'data:',
    '  a: &a ["x","x","x","x","x","x","x","x","x","x"]',
    ...'bcdefghi'
      .split('')
      .map(
        (l, i) =>
          `  ${l}: &${l} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`,
      ),
    '---',
    'kind: Service',
    'metadata: {name: kept}',
  ].join('\n');

  it('refuses a YAML alias bomb within a second, keeping the other documents', () => {
    const started = Date.now();
    const { objects, errors } = parseManifests(bomb, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toEqual([
      {
        file: 'bomb.yaml',
        line: 1,
        message: expect.stringContaining('too many YAML aliases'),
      },
    ]);
    expect(objects.map(o => o.object.metadata?.name)).toEqual(['kept']);
  });

  it('still reads a few ordinary anchors and aliases', () => {
    const { objects, errors } = parseManifests(
      'kind: Pod\nmetadata: {name: p, labels: &l {app: a}}\nspec: {nodeSelector: *l}\n',
    );
    expect(errors).toEqual([]);
    expect(objects[0].object.spec.nodeSelector).toEqual({ app: 'a' });
  });

  it('names an unrendered Helm template and its line instead of reading {{ … }} as a map', () => {
    const text = [
      'kind: Service',
      'metadata: {name: ok}',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  namespace: {{ .Release.Namespace }}',
      '---',
      'kind: Deployment',
      'metadata:',
      '  name: web2',
      '  labels:',
      '    {{- include "web.labels" . | nindent 4 }}',
    ].join('\n');
    const { objects, errors } = parseManifests(text, 'deploy.yaml');
    expect(objects.map(o => o.object.metadata?.name)).toEqual(['ok']);
    expect(errors.map(e => [e.file, e.line])).toEqual([
      ['deploy.yaml', 8],
      ['deploy.yaml', 14],
    ]);
    for (const e of errors) {
      expect(e.message).toContain('unrendered template');
      expect(e.message).toContain('helm template');
    }
  });

  it('keeps {{ … }} that is content: quoted strings and block scalars', () => {
    const text = [
      'kind: ConfigMap',
      'metadata: {name: alerts}',
      'data:',
      '  summary: "{{ $labels.instance }} is down"',
      '  template.tmpl: |',
      '    {{ define "slack.title" }}{{ .CommonLabels.alertname }}{{ end }}',
    ].join('\n');
    const { objects, errors } = parseManifests(text);
    expect(errors).toEqual([]);
    expect(objects[0].object.data?.summary).toBe(
      '{{ $labels.instance }} is down',
    );
  });

  it('refuses text with NUL bytes (binary, or UTF-16 read as UTF-8)', () => {
    const utf16 = Array.from('kind: Pod\n', c => `${c}\u0000`).join('');
    for (const text of [utf16, 'kind: Pod\u0000\u0001\u0002']) {
      const { objects, errors } = parseManifests(text, 'x.yaml');
      expect(objects).toEqual([]);
      expect(errors).toEqual([
        { file: 'x.yaml', line: 1, message: expect.stringContaining('NUL') },
      ]);
    }
  });

  it('refuses text over the size limit, naming the limit', () => {
    const text = `kind: ConfigMap\ndata: {a: "${'é'.repeat(600)}"}\n`;
    expect(parseManifests(text, 'big.yaml', { maxBytes: 1024 })).toEqual({
      objects: [],
      errors: [
        {
          file: 'big.yaml',
          line: 0,
          message: 'larger than the 1 KiB limit per file',
        },
      ],
    });
    expect(parseManifests(text, 'big.yaml', { maxBytes: 2048 }).errors).toEqual(
      [],
    );
  });

  it('reports objects whose name, namespace or labels are not text, as the API server would', () => {
    const text = [
      'kind: Deployment',
      'metadata: {name: 12}',
      '---',
      'kind: Service',
      'metadata: {name: s, namespace: [a]}',
      '---',
      'kind: Service',
      'metadata: {name: t, labels: {version: 1.0}}',
      '---',
      'kind: Service',
      'metadata: {name: fine, labels: {version: "1.0"}}',
      '---',
      'kind: constructor',
      'metadata: {name: odd}',
    ].join('\n');
    const { objects, errors } = parseManifests(text, 'types.yaml');
    expect(objects.map(o => o.object.metadata?.name)).toEqual(['fine', 'odd']);
    expect(errors.map(e => [e.line, e.message])).toEqual([
      [
        1,
        'Deployment: metadata.name must be a string (quote it), not number 12',
      ],
      [4, 'Service s: metadata.namespace must be a string, not a list'],
      [
        7,
        'Service t: metadata.labels.version must be a string (quote it), not number 1',
      ],
    ]);
  });

  it('reports a nesting too deep for the parser instead of crashing', () => {
    const deep = `kind: Pod\nspec: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const { errors } = parseManifests(deep, 'deep.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('deep.yaml');
  });
});

describe('parseManifests on a software template skeleton', () => {
  it('names ${{ … }} where the API wants a number, and {% … %} lines, as unrendered templates', () => {
    const text = [
      'kind: Deployment',
      'metadata: {name: "${{ values.name }}"}',
      'spec:',
      '  replicas: ${{ values.replicas }}',
      '---',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '{%- if values.tls %}',
      '  tls: []',
      '{%- endif %}',
    ].join('\n');
    const { objects, errors } = parseManifests(text, 'skeleton.yaml');
    expect(objects).toEqual([]);
    expect(errors.map(e => e.line)).toEqual([1, 9]);
    expect(errors[0].message).toContain(
      'spec.replicas is "${{ values.replicas }}", which looks like an unrendered template',
    );
    expect(errors[1].message).toContain('unrendered template');
  });
});

describe('parseManifests on fields of the wrong type', () => {
  it('reports them with their path, so no rule meets a map where a list belongs', () => {
    const deployment = (name: string, podSpec: string) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${name}}`,
        'spec:',
        `  selector: {matchLabels: {app: ${name}}}`,
        '  template:',
        `    metadata: {labels: {app: ${name}}}`,
        `    spec: ${podSpec}`,
      ].join('\n');
    const text = [
      deployment('a', '{containers: [{name: c, image: x, ports: {http: 80}}]}'),
      deployment('b', '{containers: 5}'),
      deployment(
        'c',
        '{topologySpreadConstraints: {maxSkew: 1}, containers: []}',
      ),
      'kind: Role\nmetadata: {name: r}\nrules: [{verbs: get, resources: [pods]}]',
      'kind: NetworkPolicy\nmetadata: {name: np}\nspec: {podSelector: {matchExpressions: [{key: app, operator: In, values: 5}]}}',
      'kind: ConfigMap\nmetadata: {name: m}\ndata: {x: {toString: 1}}',
    ].join('\n---\n');
    const { objects, errors } = parseManifests(text, 'types.yaml');
    expect(objects).toEqual([]);
    expect(errors.map(e => e.message)).toEqual([
      'Deployment a: spec.template.spec.containers[0].ports must be a list, not a map',
      'Deployment b: spec.template.spec.containers must be a list, not number 5',
      'Deployment c: spec.template.spec.topologySpreadConstraints must be a list, not a map',
      'Role r: rules[0].verbs must be a list, not string "get"',
      'NetworkPolicy np: spec.podSelector.matchExpressions[0].values must be a list, not number 5',
      'ConfigMap m: data.x must be a string, not a map',
    ]);
    // What the rules would have met, had these objects passed.
    const raw = text.split('\n---\n').map(d => parse(d));
    expect(() => evaluatePosture({ objects: raw })).toThrow(TypeError);
  });
});
