import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { ClusterPosture } from '@diehard/plugin-ha-posture-common';
import {
  PostureBackend,
  startPostureBackend,
} from './__testUtils__/postureBackend';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const TOKEN = 'the-service-account-token';

/** An API server that has lost its etcd quorum answers every read like this. */
function quorumLostApi(): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(
      '{"kind":"Status","message":"etcdserver: request timed out","code":500}',
    );
  });
  return new Promise(r => server.listen(0, '127.0.0.1', () => r(server)));
}

describe('the Clusters tab when a cluster API does not answer', () => {
  let api: http.Server;
  let closedPort: number;
  let backend: PostureBackend;

  beforeAll(async () => {
    api = await quorumLostApi();
    const closed = http.createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
    closedPort = (closed.address() as AddressInfo).port;
    await new Promise(r => closed.close(r));

    const cluster = (name: string, port: number) => ({
      name,
      url: `http://127.0.0.1:${port}`,
      authProvider: 'serviceAccount',
      serviceAccountToken: TOKEN,
      skipMetricsLookup: true,
    });
    backend = await startPostureBackend({
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            cluster('quorum-lost', (api.address() as AddressInfo).port),
            cluster('gone', closedPort),
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await new Promise(r => api?.close(r));
  });

  it('grades each such cluster low with the reason, and never shows its address or token', async () => {
    const res = await request(backend.server).get('/api/ha-posture/clusters');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      (res.body.clusters as ClusterPosture[]).map(c => [c.cluster, c]),
    );
    expect(byName['quorum-lost'].grade).not.toMatch(/^[AB]$/);
    expect(byName['quorum-lost'].findings).toEqual([
      expect.objectContaining({
        rule: 'control-plane-unreachable',
        severity: 'critical',
        message:
          "The cluster's API did not answer the portal (HTTP 500): its control plane may have lost its API servers or its etcd quorum.",
      }),
    ]);
    expect(byName.gone.findings[0].message).toContain('(ECONNREFUSED)');
    expect(res.text).not.toContain('127.0.0.1');
    expect(res.text).not.toContain(TOKEN);
  });
});
