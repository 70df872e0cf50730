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
