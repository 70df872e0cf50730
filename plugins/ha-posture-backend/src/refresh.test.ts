import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { haPosturePlugin } from './plugin';
import { capturingLogger } from './__testUtils__/capturingLogger';

const corpus = path.resolve(
  require.resolve('@diehard/plugin-ha-posture-common/package.json'),
  '../corpus/service',
);

function service(name: string): Entity {
  const catalogFile = `file:${path.join(
    corpus,
    'eni-todo-ha',
    'catalog-info.yaml',
  )}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': catalogFile,
        'backstage.io/managed-by-origin-location': catalogFile,
        'diehard.io/manifests-path': '.',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev-team' },
  };
}

const entities: Entity[] = [
  ...Array.from({ length: 20 }, (_, i) => service(`svc-${i}`)),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice' },
    spec: { memberOf: ['dev-team'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'dev-team' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'somewhere' },
    spec: { type: 'url', target: 'https://git.example/acme/catalog.yaml' },
  },
];

async function startBackend(refresh: { concurrency?: number; queue?: number }) {
  const logs = capturingLogger();
  const backend = await startTestBackend({
    features: [
      haPosturePlugin,
      logs.factory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
          haPosture: { refresh },
        },
      }),
    ],
  });
  const evaluations = (entityRef: string) =>
    logs.lines.filter(
      l => l.message === 'evaluated HA posture' && l.meta.entity === entityRef,
    ).length;
  return { backend, evaluations };
}

const refresh = (server: any, name: string) =>
  request(server).post(
    `/api/ha-posture/entities/component/default/${name}/refresh`,
  );

describe('posture refreshes under load', () => {
  it('evaluates once for 50 parallel refreshes of one entity, and answers all of them', async () => {
    const { backend, evaluations } = await startBackend({});
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => refresh(backend.server, 'svc-0')),
      );
      expect(answers.map(a => a.status)).toEqual(Array(50).fill(200));
      expect(new Set(answers.map(a => a.body.evaluatedAt)).size).toBe(1);
      expect(answers[0].body.grade).toBe('A');
      expect(evaluations('component:default/svc-0')).toBe(1);
      // Once it is done, the next refresh evaluates again.
      await refresh(backend.server, 'svc-0').expect(200);
      expect(evaluations('component:default/svc-0')).toBe(2);
    } finally {
      await backend.stop();
    }
  });

  it('runs a bounded number of evaluations and answers the rest 429 with Retry-After', async () => {
    const { backend, evaluations } = await startBackend({
      concurrency: 1,
      queue: 2,
    });
    try {
      const answers = await Promise.all(
        entities
          .filter(e => e.kind === 'Component')
          .map(e => refresh(backend.server, e.metadata.name)),
      );
      const ok = answers.filter(a => a.status === 200);
      const refused = answers.filter(a => a.status === 429);
      expect(ok.length + refused.length).toBe(20);
      // One running and two waiting when the burst arrived; the others refused.
      expect(ok.length).toBeGreaterThanOrEqual(3);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0].headers['retry-after']).toBe('5');
      expect(refused[0].body.error.message).toContain(
        '(haPosture.refresh.concurrency 1, haPosture.refresh.queue 2); try again in a few seconds',
      );
      const evaluated = entities.filter(
        e => evaluations(`component:default/${e.metadata.name}`) > 0,
      );
      expect(evaluated).toHaveLength(ok.length);
    } finally {
      await backend.stop();
    }
  });

  it('stores no posture for an entity without posture annotations: a user, a group, a location', async () => {
    const { backend, evaluations } = await startBackend({});
    try {
      for (const ref of [
        'user/default/alice',
        'group/default/dev-team',
        'location/default/somewhere',
      ]) {
        const read = await request(backend.server).get(
          `/api/ha-posture/entities/${ref}`,
        );
        expect(read.status).toBe(200);
        expect(read.body.source.type).toBe('none');
        expect(read.body.source.reason).toMatch(/^not evaluated: /);
        await request(backend.server)
          .post(`/api/ha-posture/entities/${ref}/refresh`)
          .expect(200);
        expect(evaluations(ref.replace('/', ':'))).toBe(0);
      }
      const fleet = await request(backend.server).get('/api/ha-posture/fleet');
      expect(fleet.body.entries).toEqual([]);
    } finally {
      await backend.stop();
    }
  });
});
