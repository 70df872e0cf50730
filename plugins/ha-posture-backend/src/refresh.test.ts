import { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { capturingLogger } from '@diehard/backend-test-utils';
import {
  componentOnDisk,
  startPostureBackend,
} from './__testUtils__/postureBackend';
import { corpusDir } from './__testUtils__/corpus';

const corpus = corpusDir('service');

const service = (name: string) =>
  componentOnDisk(name, path.join(corpus, 'eni-todo-ha', 'catalog-info.yaml'));

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
  const backend = await startPostureBackend({
    entities,
    config: { haPosture: { refresh } },
    features: [logs.factory],
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

/**
 * POSTs that reach the server together: each connection sends its request but the
 * head's last line, then all send it at once, so the server reads them in one go.
 */
async function simultaneousPosts(server: any, urls: string[]) {
  const { port } = server.address() as AddressInfo;
  const sockets = await Promise.all(
    urls.map(
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
          socket.on('error', reject);
        }),
    ),
  );
  const answers = sockets.map(
    socket =>
      new Promise<{
        status: number;
        headers: Record<string, string>;
        body: any;
      }>(resolve => {
        let data = '';
        socket.on('data', chunk => (data += chunk));
        socket.on('end', () => {
          const [head, body] = data.split('\r\n\r\n');
          const [statusLine, ...lines] = head.split('\r\n');
          const headers = Object.fromEntries(
            lines.map(l => {
              const at = l.indexOf(':');
              return [l.slice(0, at).toLowerCase(), l.slice(at + 1).trim()];
            }),
          );
          resolve({
            status: Number(statusLine.split(' ')[1]),
            headers,
            body: JSON.parse(body),
          });
        });
      }),
  );
  for (const [i, socket] of sockets.entries()) {
    socket.write(
      `POST ${urls[i]} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n`,
    );
  }
  await new Promise(resolve => setTimeout(resolve, 200));
  for (const socket of sockets) socket.write('\r\n');
  return Promise.all(answers);
}

describe('posture refreshes under load', () => {
  it('evaluates once for 50 parallel refreshes of one entity, and answers all of them', async () => {
    const { backend, evaluations } = await startBackend({});
    try {
      const answers = await simultaneousPosts(
        backend.server,
        Array(50).fill(
          '/api/ha-posture/entities/component/default/svc-0/refresh',
        ),
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
      const answers = await simultaneousPosts(
        backend.server,
        entities
          .filter(e => e.kind === 'Component')
          .map(
            e =>
              `/api/ha-posture/entities/component/default/${e.metadata.name}/refresh`,
          ),
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
