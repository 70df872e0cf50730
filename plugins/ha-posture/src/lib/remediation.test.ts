import { splitRemediation } from './remediation';

describe('splitRemediation', () => {
  it('separates the prose from the YAML snippet after it', () => {
    expect(
      splitRemediation(
        'Set the HPA floor to at least 2:\n\nspec:\n  minReplicas: 2',
      ),
    ).toEqual([
      { type: 'text', content: 'Set the HPA floor to at least 2:' },
      { type: 'code', content: 'spec:\n  minReplicas: 2' },
    ]);
  });

  it('keeps prose without a snippet as text', () => {
    expect(
      splitRemediation(
        'Find why pods are not ready (kubectl describe pod, readiness probe, events) and fix it.',
      ),
    ).toEqual([
      {
        type: 'text',
        content:
          'Find why pods are not ready (kubectl describe pod, readiness probe, events) and fix it.',
      },
    ]);
  });

  it('keeps a snippet of several documents as one snippet', () => {
    const snippet =
      'kind: Role\nmetadata: {name: web-pod-reader}\nrules:\n  - resources: [pods]\n---\nkind: RoleBinding\nroleRef:\n  name: web-pod-reader';
    expect(splitRemediation(snippet)).toEqual([
      { type: 'code', content: snippet },
    ]);
  });

  it('honours fenced blocks', () => {
    expect(
      splitRemediation('Add a PDB:\n```yaml\nkind: PodDisruptionBudget\n```'),
    ).toEqual([
      { type: 'text', content: 'Add a PDB:' },
      { type: 'code', content: 'kind: PodDisruptionBudget' },
    ]);
  });
});
