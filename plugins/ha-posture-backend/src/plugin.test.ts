import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { EntityPosture } from '@diehard/plugin-ha-posture-common';
import {
  componentOnDisk,
  startPostureBackend,
} from './__testUtils__/postureBackend';
import { corpusDir } from './__testUtils__/corpus';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const corpus = corpusDir('service');

/** A component whose manifests live next to its catalog file, as a template generates it. */
function componentWithManifests(name: string, folder: string): Entity {
  return {
    ...componentOnDisk(name, path.join(corpus, folder, 'catalog-info.yaml')),
    relations: [{ type: 'ownedBy', targetRef: 'group:default/dev-team' }],
  };
}

const entities: Entity[] = [
  componentWithManifests('eni-todo-ha', 'eni-todo-ha'),
  componentWithManifests('eni-todo-fragile', 'eni-todo-fragile'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'undescribed' },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
  },
];

const startBackend = () => startPostureBackend({ entities });

describe('HA posture before deploy (from manifests)', () => {
  it('grades the complete eni-todo stack A, and names the manifests by their path in the repository', async () => {
    const { server } = await startBackend();
    const res = await request(server).get(
      '/api/ha-posture/entities/component/default/eni-todo-ha',
    );
    expect(res.status).toBe(200);
    const posture: EntityPosture = res.body;
    expect(posture.source).toEqual({
      type: 'manifests',
      location: 'plugins/ha-posture-common/corpus/service/eni-todo-ha',
    });
    expect(posture.grade).toBe('A');
    expect(posture.report.workloads.flatMap(w => w.findings)).toEqual([]);
  });

  it('names the single points of failure of the fragile stack', async () => {
    const { server } = await startBackend();
    const res = await request(server).get(
      '/api/ha-posture/entities/component/default/eni-todo-fragile',
    );
    const posture: EntityPosture = res.body;
    expect(posture.grade).toMatch(/[DF]/);
    const categories = new Set(
      posture.report.workloads.flatMap(w => w.findings.map(f => f.category)),
    );
    expect([...categories]).toEqual(
      expect.arrayContaining(['sessions', 'database', 'storage']),
    );
    expect(posture.singlePointsOfFailure.length).toBeGreaterThan(0);
  });

  it('records history only when the posture changes', async () => {
    const { server } = await startBackend();
    const ref = '/api/ha-posture/entities/component/default/eni-todo-fragile';
    await request(server).post(`${ref}/refresh`).expect(200);
    await request(server).post(`${ref}/refresh`).expect(200);
    const res = await request(server).get(`${ref}/history`);
    expect(res.body.points).toHaveLength(1);
    expect(res.body.points[0].grade).toMatch(/[DF]/);
  });

  it('explains what is missing when an entity names neither manifests nor cluster objects, and keeps it off the fleet', async () => {
    const { server } = await startBackend();
    for (const method of ['get', 'post'] as const) {
      const res = await request(server)[method](
        `/api/ha-posture/entities/component/default/undescribed${
          method === 'post' ? '/refresh' : ''
        }`,
      );
      expect(res.status).toBe(200);
      expect(res.body.grade).toBeNull();
      expect(res.body.source.type).toBe('none');
      expect(res.body.source.reason).toBe(
        'not evaluated: component:default/undescribed has none of the annotations backstage.io/kubernetes-id, backstage.io/kubernetes-label-selector, diehard.io/manifests-path',
      );
    }
    const fleet = await request(server).get('/api/ha-posture/fleet');
    expect(fleet.body.entries).toEqual([]);
  });

  it('answers 404 for an entity the catalog does not have, and 400 for a malformed reference', async () => {
    const { server } = await startBackend();
    const missing = await request(server).get(
      '/api/ha-posture/entities/component/default/nowhere',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('component:default/nowhere');
    const malformed = await request(server).get(
      '/api/ha-posture/entities/component/default/..%2Fetc',
    );
    expect(malformed.status).toBe(400);
  });

  it('lists evaluated entities in the fleet with their owner', async () => {
    const { server } = await startBackend();
    await request(server)
      .get('/api/ha-posture/entities/component/default/eni-todo-ha')
      .expect(200);
    const res = await request(server).get('/api/ha-posture/fleet');
    expect(res.body.entries).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/eni-todo-ha',
        grade: 'A',
        source: 'manifests',
        owner: 'group:default/dev-team',
        critical: 0,
      }),
    ]);
  });
});
