import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  EntityPosture,
  parseManifests,
} from '@diehard/plugin-ha-posture-common';
import {
  HaPostureManifestSource,
  haPostureManifestSourcesExtensionPoint,
} from '@diehard/plugin-ha-posture-node';
import { moduleUsing } from '@diehard/backend-test-utils';
import { haPosturePlugin } from './plugin';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

/** A company's store of rendered Helm releases, by release name. */
const releases: Record<string, string> = {
  todo: `apiVersion: apps/v1
kind: Deployment
metadata: {name: todo-web, namespace: todo}
spec:
  replicas: 1
  selector: {matchLabels: {app: todo-web}}
  template:
    metadata: {labels: {app: todo-web}}
    spec:
      containers:
        - name: web
          image: todo:1.0.0
`,
};

const helmReleases: HaPostureManifestSource = {
  annotation: 'acme.io/helm-release',
  async objectsFor(entity) {
    const release = entity.metadata.annotations?.['acme.io/helm-release'];
    const yaml = release ? releases[release] : undefined;
    if (!yaml) return undefined;
    return {
      objects: parseManifests(yaml, `${release}.yaml`).objects.map(
        o => o.object,
      ),
      location: `Helm release ${release}`,
    };
  },
};

const sourceModule = (source: HaPostureManifestSource) =>
  moduleUsing(
    'ha-posture',
    'helm-releases',
    haPostureManifestSourcesExtensionPoint,
    sources => sources.addManifestSource(source),
  );

const component = (name: string, annotations: Record<string, string>) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
  } as Entity);

function startBackend(source: HaPostureManifestSource) {
  return startTestBackend({
    features: [
      haPosturePlugin,
      sourceModule(source),
      catalogServiceMock.factory({
        entities: [
          component('todo', { 'acme.io/helm-release': 'todo' }),
          component('unreleased', { 'acme.io/helm-release': 'nowhere' }),
          component('undescribed', {}),
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
        },
      }),
    ],
  });
}

const postureOf = async (server: any, name: string): Promise<EntityPosture> =>
  (
    await request(server)
      .get(`/api/ha-posture/entities/component/default/${name}`)
      .expect(200)
  ).body;

describe('a manifest source added by a backend module', () => {
  it("grades an entity from the source's manifests, named by their location", async () => {
    const { server } = await startBackend(helmReleases);
    const posture = await postureOf(server, 'todo');
    expect(posture.source).toEqual({
      type: 'manifests',
      location: 'Helm release todo',
    });
    expect(
      posture.report.workloads.flatMap(w => w.findings.map(f => f.rule)),
    ).toContain('replicas-single');
    expect(posture.grade).not.toBe('A');
  });

  it('says what is missing when the source has nothing, and names its annotation to entities without any', async () => {
    const { server } = await startBackend(helmReleases);
    expect((await postureOf(server, 'unreleased')).source).toEqual({
      type: 'none',
      reason:
        'no workload labelled for this entity in any configured cluster, and no manifests named by diehard.io/manifests-path, acme.io/helm-release',
      reasonMessages: [
        {
          id: 'source.none.noWorkload',
          params: {
            clusters: { id: 'source.none.anyConfiguredCluster', params: {} },
            annotations: 'diehard.io/manifests-path, acme.io/helm-release',
          },
        },
      ],
    });
    expect((await postureOf(server, 'undescribed')).source).toEqual({
      type: 'none',
      reason:
        'not evaluated: component:default/undescribed has none of the annotations backstage.io/kubernetes-id, backstage.io/kubernetes-label-selector, diehard.io/manifests-path, acme.io/helm-release',
      reasonMessages: [
        {
          id: 'source.none.notAnnotated',
          params: {
            entity: 'component:default/undescribed',
            annotations:
              'backstage.io/kubernetes-id, backstage.io/kubernetes-label-selector, diehard.io/manifests-path, acme.io/helm-release',
          },
        },
      ],
    });
  });

  it("refuses to start with a source that takes one of Diehard's annotations", async () => {
    await expect(
      startBackend({
        ...helmReleases,
        annotation: 'diehard.io/manifests-path',
      }),
    ).rejects.toThrow(
      'manifest source annotation "diehard.io/manifests-path": this annotation is already read by the HA posture',
    );
  });
});
