import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { ResponseError } from '@backstage/errors';
import { HaPostureClient } from './HaPostureClient';
import { EntityPosture, PostureHistoryPoint } from './postureApi';

const base = 'http://backstage.test/api/ha-posture';

describe('HaPostureClient', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const client = new HaPostureClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
    },
  });
  const samplePosture: EntityPosture = {
    entityRef: 'component:default/todo-web',
    source: { type: 'manifests', location: 'k8s' },
    evaluatedAt: '2026-11-20T08:00:00Z',
    grade: 'B',
    singlePointsOfFailure: [],
    report: {
      workloads: [],
      cluster: { findings: [], facts: { nodes: 0, nodesPerZone: {} } },
      services: [],
    },
    placement: [],
  };

  it('reads the cached posture of an entity by kind, namespace and name', async () => {
    server.use(
      http.get(`${base}/entities/component/default/todo-web`, () =>
        HttpResponse.json(samplePosture),
      ),
    );
    await expect(
      client.getEntityPosture('Component:default/todo-web'),
    ).resolves.toEqual(samplePosture);
  });

  it("sends the user's cluster tokens as headers on refresh and for the clusters, and reads which clusters need them", async () => {
    const seen: Array<string | null> = [];
    const header = 'Backstage-Kubernetes-Authorization-oidc-lab';
    server.use(
      http.post(
        `${base}/entities/component/default/todo-web/refresh`,
        ({ request }) => {
          seen.push(request.headers.get(header));
          return HttpResponse.json(samplePosture);
        },
      ),
      http.get(`${base}/clusters`, ({ request }) => {
        seen.push(request.headers.get(header));
        return HttpResponse.json({
          clusters: [],
          notEvaluated: [{ cluster: 'prod', reason: 'needs a token' }],
        });
      }),
      http.get(`${base}/cluster-auth`, () =>
        HttpResponse.json({
          clusters: [
            {
              name: 'lab',
              authProvider: 'oidc',
              needsUserToken: true,
              oidcTokenProvider: 'lab',
            },
          ],
        }),
      ),
    );
    const headers = { [header]: 'id-token' };
    await client.refreshEntityPosture('component:default/todo-web', {
      headers,
    });
    await expect(client.getClusterOverview({ headers })).resolves.toEqual({
      clusters: [],
      notEvaluated: [{ cluster: 'prod', reason: 'needs a token' }],
    });
    expect(seen).toEqual(['id-token', 'id-token']);
    await expect(client.getClusterAuth()).resolves.toEqual([
      {
        name: 'lab',
        authProvider: 'oidc',
        needsUserToken: true,
        oidcTokenProvider: 'lab',
      },
    ]);
  });

  it('answers undefined for an entity the backend does not know', async () => {
    server.use(
      http.get(`${base}/entities/component/default/ghost`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError' } },
          { status: 404 },
        ),
      ),
    );
    await expect(
      client.getEntityPosture({
        kind: 'Component',
        namespace: 'default',
        name: 'ghost',
      }),
    ).resolves.toBeUndefined();
  });

  it('posts to refresh, with the namespace and name escaped', async () => {
    let method: string | undefined;
    server.use(
      http.post(
        `${base}/entities/component/team%20a/todo/refresh`,
        ({ request }) => {
          method = request.method;
          return HttpResponse.json(samplePosture);
        },
      ),
    );
    await expect(
      client.refreshEntityPosture({
        kind: 'component',
        namespace: 'team a',
        name: 'todo',
      }),
    ).resolves.toEqual(samplePosture);
    expect(method).toBe('POST');
  });

  it('unwraps history, fleet and clusters', async () => {
    const point: PostureHistoryPoint = {
      day: '2026-11-20',
      evaluatedAt: '2026-11-20T08:00:00Z',
      grade: 'C',
      critical: 1,
      warning: 2,
      info: 0,
    };
    server.use(
      http.get(`${base}/entities/component/default/todo-web/history`, () =>
        HttpResponse.json({
          points: [point],
        }),
      ),
      http.get(`${base}/fleet`, () =>
        HttpResponse.json({
          entries: [{ entityRef: 'component:default/todo-web' }],
        }),
      ),
      http.get(`${base}/clusters`, () =>
        HttpResponse.json({ clusters: [{ cluster: 'lab' }] }),
      ),
    );
    await expect(
      client.getEntityHistory('component:default/todo-web'),
    ).resolves.toEqual([point]);
    await expect(client.getFleet()).resolves.toEqual([
      { entityRef: 'component:default/todo-web' },
    ]);
    await expect(client.getClusters()).resolves.toEqual([{ cluster: 'lab' }]);
  });

  it('throws a ResponseError when the backend fails', async () => {
    server.use(
      http.get(`${base}/fleet`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is down' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );
    const error = await client.getFleet().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
    expect(error.body.error.message).toBe('database is down');
  });
});
