import { evaluatePosture } from './evaluate';
import { deployment, netpol, pdb, service } from './testing/fixtures';

describe('evaluatePosture', () => {
  it('survives objects with nulls and wrong types where fields should be', () => {
    const weird: unknown[] = [
      null,
      42,
      { kind: 'Deployment' },
      { kind: 'Deployment', metadata: null, spec: null },
      {
        kind: 'Deployment',
        metadata: { name: 'x' },
        spec: {
          replicas: '3',
          template: {
            spec: {
              containers: [
                null,
                { name: 'c', ports: null, env: null, volumeMounts: null },
              ],
              volumes: [null],
            },
          },
        },
      },
      {
        kind: 'Service',
        metadata: { name: 's' },
        spec: { selector: null, ports: null },
      },
      {
        kind: 'Ingress',
        metadata: { name: 'i' },
        spec: { rules: [null, { http: { paths: [null] } }] },
      },
      { kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: {} },
      {
        kind: 'Secret',
        metadata: { name: 'db' },
        data: { url: '!!not base64!!' },
      },
      {
        kind: 'NetworkPolicy',
        metadata: { name: 'n' },
        spec: { podSelector: {}, ingress: [null] },
      },
    ];
    expect(() => evaluatePosture({ objects: weird })).not.toThrow();
  });

  it('rejects input that is not an object list at the edge', () => {
    expect(() =>
      evaluatePosture({ objects: 'nope' as unknown as unknown[] }),
    ).toThrow();
  });

  it('names services after the catalog entity and lists plain-words single points of failure', () => {
    const report = evaluatePosture({
      objects: [
        deployment('web', d => (d.spec.replicas = 1)),
        service(),
        pdb(),
        netpol(),
      ],
      entity: { metadata: { name: 'todo' } },
    });
    expect(report.services).toEqual([
      expect.objectContaining({
        name: 'todo',
        grade: 'D',
        singlePointsOfFailure: [
          'if the node running Deployment web fails, todo loses Deployment web until it is rescheduled',
        ],
      }),
    ]);
  });
});
