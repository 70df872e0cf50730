import { parseManifests } from '@diehard/plugin-ha-posture-common';
import { parseManifestsFast } from './fastManifests';

const TEXT = [
  '# a comment before the first document',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: a}',
  '--- # second',
  'apiVersion: v1',
  'kind: List',
  'items:',
  '- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}, data: {x: "--- not a marker"}}',
  '---',
  'kind: Pod',
  'metadata: [broken',
  '---',
  'kind: Secret',
  'metadata: {name: c}',
  '',
].join('\n');

describe('parseManifestsFast', () => {
  it('reads what parseManifests reads, with the same lines, and keeps documents after a broken one', () => {
    const fast = parseManifestsFast(TEXT, 'f.yaml');
    const ref = parseManifests(TEXT, 'f.yaml');
    expect(fast.objects.map(o => [o.object.kind, o.source.line])).toEqual(
      ref.objects.map(o => [o.object.kind, o.source.line]),
    );
    expect(fast.objects.map(o => o.object.kind)).toEqual([
      'Service',
      'ConfigMap',
      'Secret',
    ]);
    expect(fast.errors).toHaveLength(1);
    expect(fast.errors[0].file).toBe('f.yaml');
    expect(fast.errors[0].line).toBeGreaterThanOrEqual(12);
  });
});

describe('parseManifestsFast on hostile documents', () => {
  it('re-reads with the engine what js-yaml would pass: an alias bomb, a template hidden by a duplicate key', () => {
    const text = [
      'kind: Service',
      'metadata:',
      '  name: web',
      '  namespace: {{ .Release.Namespace }}',
      '  namespace: shop',
      '---',
      'kind: ConfigMap',
      'metadata: {name: bomb}',
      'data:',
      '  a: &a [x, x, x, x, x, x, x, x, x, x]',
      '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '---',
      'kind: ConfigMap',
      'metadata: {name: rules}',
      'data: {summary: "{{ $labels.instance }} is down"}',
    ].join('\n');
    const { objects, errors } = parseManifestsFast(text, 'f.yaml');
    expect(objects.map(o => [o.object.metadata?.name, o.source.line])).toEqual([
      ['rules', 15],
    ]);
    expect(errors.map(e => [e.line, e.message.slice(0, 30)])).toEqual([
      [4, 'looks like an unrendered templ'],
      [7, 'too many YAML aliases (more th'],
    ]);
  });
});

describe('parseManifestsFast skips the walk over plain documents only', () => {
  it('still re-reads alias bombs and collection keys in every spelling', () => {
    const level = (name: string, of: string, sep: string) =>
      `  ${name}: &${name} [${Array(10).fill(`*${of}`).join(sep)}]`;
    const bomb = (sep: string) =>
      [
        'kind: ConfigMap',
        'metadata: {name: bomb}',
        'data:',
        '  a: &a [x, x, x, x, x, x, x, x, x, x]',
        level('b', 'a', sep),
        level('c', 'b', sep),
        level('d', 'c', sep),
      ].join('\n');
    const block = [
      'kind: ConfigMap',
      'metadata: {name: bomb}',
      'data:',
      '  a: &a [x, x, x, x, x, x, x, x, x, x]',
      '  b: &b',
      ...Array(10).fill('  - *a'),
      '  c: &c',
      ...Array(10).fill('  - *b'),
      '  d: &d',
      ...Array(10).fill('  - *c'),
    ].join('\n');
    const keys = [
      [
        'kind: ConfigMap',
        'metadata: {name: k}',
        'data:',
        '  ? {a: 1}',
        '  : x',
      ],
      ['kind: ConfigMap', 'metadata: {name: k}', 'data:', '  {a: 1}: x'],
      ['kind: ConfigMap', 'metadata: {name: k}', 'data:', '  [{a: 1}] : x'],
    ].map(lines => lines.join('\n'));
    for (const text of [bomb(', '), bomb(','), block, ...keys]) {
      const { objects, errors } = parseManifestsFast(text, 'f.yaml');
      expect({ text, objects: objects.length }).toEqual({ text, objects: 0 });
      expect(errors).toHaveLength(1);
    }
  });
});

describe('parseManifestsFast reads YAML as Kubernetes does, like parseManifests', () => {
  it('reads YAML 1.1 scalars, merge keys and timestamps as text', () => {
    const text = [
      'kind: Deployment',
      'metadata: {name: web, annotations: {released: 2026-01-01}}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - &base {name: web, resources: {requests: {cpu: 500m}}}',
      '        - {<<: *base, name: sidecar}',
      '      volumes: [{name: conf, configMap: {name: conf, defaultMode: 0644}}]',
    ].join('\n');
    const fast = parseManifestsFast(text, 'k.yaml');
    expect(fast).toEqual(parseManifests(text, 'k.yaml'));
    const { metadata, spec } = fast.objects[0].object;
    expect(metadata?.annotations?.released).toBe('2026-01-01');
    expect(spec.template.spec.containers[1].resources).toEqual({
      requests: { cpu: '500m' },
    });
    expect(spec.template.spec.volumes[0].configMap.defaultMode).toBe(0o644);
  });

  it('leaves explicit !!set, !!omap, !!pairs, !!binary and !!timestamp to the engine', () => {
    const text = [
      'kind: T',
      'metadata: {name: t}',
      's: !!set {a, b}',
      'o: !!omap [{a: 1}, {b: 2}]',
      'p: !!pairs [{a: 1}, {a: 2}]',
      'b: !!binary aGVsbG8=',
      'd: !!timestamp 2026-01-01',
    ].join('\n');
    const fast = parseManifestsFast(text, 't.yaml');
    expect(fast).toEqual(parseManifests(text, 't.yaml'));
    expect(fast.objects[0].object).toMatchObject({
      s: { a: null, b: null },
      o: [{ a: 1 }, { b: 2 }],
      p: [{ a: 1 }, { a: 2 }],
      b: 'aGVsbG8=',
      d: '2026-01-01',
    });
  });

  it('gives every scalar the value the engine gives it', () => {
    const scalars = [
      ...['0644', '0o644', '08', '1_000', '0b101', '0x1F', '-0x1F', '+12'],
      ...['-.5', '.5', '1.', '1e3', '-1E-3', '.inf', '-.Inf', '.NaN', '.'],
      ...['y', 'Y', 'n', 'yes', 'No', 'ON', 'off', 'true', 'False', 'TRUE'],
      ...['~', 'null', 'NULL', '2026-01-01', '2026-01-01 10:00:00', '12:30'],
      ...['1:20:30.5', '1__0', '0_', '_1', '1_', '0', '-0', '00', '0x', '1e'],
      ...['e2', 'E3', '.e5', '1.e3', '-.', '._', '.5e2', '1_000.5', '09.5'],
    ];
    // As keys too (`on:` is `true:`), but for null, which Kubernetes refuses as a key.
    const text = scalars
      .map(
        (s, i) =>
          `kind: T\nmetadata: {name: t${i}}\nv: ${s}\n${
            /^(~|null|NULL)$/.test(s) ? '' : `${s}: k`
          }`,
      )
      .join('\n---\n');
    const fast = parseManifestsFast(text, 's.yaml');
    const reference = parseManifests(text, 's.yaml');
    expect(fast.errors).toEqual([]);
    expect(fast.objects.map(o => o.object)).toEqual(
      reference.objects.map(o => o.object),
    );
    expect(fast.objects.map(o => o.object.v).slice(0, 4)).toEqual([
      0o644,
      '0o644',
      8,
      1000,
    ]);
  });
});
