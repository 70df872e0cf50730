import { overrideImages } from './images';

const deployment = (image: string, init?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'team-a' },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'app', image },
          { name: 'sidecar', image: 'envoy:1.30' },
        ],
        ...(init ? { initContainers: [{ name: 'init', image: init }] } : {}),
      },
    },
  },
});

const pinned = `localhost:5000/team/petclinic@sha256:${'a'.repeat(64)}`;

describe('overrideImages', () => {
  it('replaces matching repositories with or without host, tag or digest, and only those', () => {
    const objects = [
      deployment('team/petclinic:1.0', 'other.host:5000/team/petclinic'),
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'c' },
        spec: {
          jobTemplate: {
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      name: 'j',
                      image: `team/petclinic@sha256:${'b'.repeat(64)}`,
                    },
                  ],
                },
              },
            },
          },
        },
      },
      deployment('team/petclinic-tools:1.0'),
    ] as any[];
    const changes = overrideImages(objects, [
      { name: 'team/petclinic', reference: pinned },
    ]);
    expect(changes).toHaveLength(3);
    expect(objects[0].spec.template.spec.containers[0].image).toBe(pinned);
    expect(objects[0].spec.template.spec.containers[1].image).toBe(
      'envoy:1.30',
    );
    expect(objects[0].spec.template.spec.initContainers[0].image).toBe(pinned);
    expect(
      objects[1].spec.jobTemplate.spec.template.spec.containers[0].image,
    ).toBe(pinned);
    expect(objects[2].spec.template.spec.containers[0].image).toBe(
      'team/petclinic-tools:1.0',
    );
  });
});
