import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { useLab } from '@diehard/lab';
import { KubernetesApiError, listObjects } from './listObjects';

jest.setTimeout(300_000);

const CONFIG_MAP = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  resource: 'configmaps',
};
const namespace = `list-${Math.random().toString(36).slice(2, 7)}`;

describe('listObjects on the lab cluster', () => {
  let admin: KubeConfig;
  let server: string;

  beforeAll(async () => {
    const lab = await useLab(['kubernetes']);
    admin = new KubeConfig();
    admin.loadFromFile(lab.kubernetes.adminKubeconfig);
    server = admin.getCurrentCluster()!.server;
    const core = admin.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    for (let i = 0; i < 5; i++)
      await core.createNamespacedConfigMap({
        namespace,
        body: {
          metadata: {
            name: `settings-${i}`,
            labels: { tier: i < 2 ? 'db' : 'web' },
          },
          data: { DSN: `jdbc:mariadb:sequential://galera-${i}:3306/app` },
        },
      });
  });

  afterAll(async () => {
    await admin
      ?.makeApiClient(CoreV1Api)
      .deleteNamespace({ name: namespace })
      .catch(() => undefined);
  });

  it('follows the pages to the last object, as plain objects with their kind', async () => {
    // Ours only: the controllers add kube-root-ca.crt to every namespace, in their time.
    const objects = await listObjects(admin, CONFIG_MAP, {
      namespace,
      labelSelector: 'tier',
      pageSize: 2,
    });
    expect(objects.map(o => o.metadata?.name)).toEqual(
      [0, 1, 2, 3, 4].map(i => `settings-${i}`),
    );
    for (const object of objects) {
      expect(object).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
      // Not the client's typed model: the timestamp stays the text the server wrote.
      expect(typeof object.metadata?.creationTimestamp).toBe('string');
      // Who wrote which field: large, and never read by the posture.
      expect(object.metadata).not.toHaveProperty('managedFields');
    }
    expect((objects[3] as any).data.DSN).toBe(
      'jdbc:mariadb:sequential://galera-3:3306/app',
    );
  });

  it('passes label selectors to the API server', async () => {
    const objects = await listObjects(admin, CONFIG_MAP, {
      namespace,
      labelSelector: 'tier=db',
    });
    expect(objects.map(o => o.metadata?.name)).toEqual([
      'settings-0',
      'settings-1',
    ]);
  });

  it('fails with the HTTP status alone, never the address or the answer', async () => {
    const denied = new KubeConfig();
    denied.loadFromOptions({
      clusters: [{ name: 'lab', server, skipTLSVerify: true }],
      users: [{ name: 'nobody', token: 'not-a-token' }],
      contexts: [{ name: 'lab', cluster: 'lab', user: 'nobody' }],
      currentContext: 'lab',
    });
    const error = await listObjects(denied, CONFIG_MAP, { namespace }).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(KubernetesApiError);
    expect(error.code).toBe(401);
    expect(error.message).toBe('Kubernetes API answered HTTP 401');
    expect(error.message).not.toContain(new URL(server).port);
  });
});

// A stand-in for an API server that answers what a real one never does: the lab's
// cannot be made to send a web page or a list of another shape.
describe('listObjects on an answer that is not a Kubernetes list', () => {
  let server: http.Server;
  let answer = '';
  let config: KubeConfig;

  beforeAll(async () => {
    server = http.createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer);
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    config = new KubeConfig();
    config.loadFromOptions({
      clusters: [
        // Plain HTTP: the client allows it only with TLS checks off.
        {
          name: 'stand-in',
          server: `http://127.0.0.1:${port}`,
          skipTLSVerify: true,
        },
      ],
      users: [{ name: 'nobody', token: 'x' }],
      contexts: [{ name: 'stand-in', cluster: 'stand-in', user: 'nobody' }],
      currentContext: 'stand-in',
    });
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('refuses a web page without quoting it', async () => {
    answer = '<html>secret-looking login page</html>';
    const error = await listObjects(config, CONFIG_MAP).catch(e => e);
    expect(error).toBeInstanceOf(SyntaxError);
    expect(error.message).toBe('the ConfigMap list answer is not JSON');
  });

  it('refuses JSON that is not a list', async () => {
    for (const body of [
      '{"items":"everything"}',
      '{"items":[],"metadata":{"continue":{"again":true}}}',
      'null',
    ]) {
      answer = body;
      await expect(listObjects(config, CONFIG_MAP)).rejects.toThrow(
        'the ConfigMap list answer is not a Kubernetes list',
      );
    }
  });

  it('skips items that are not objects and reads an empty list as empty', async () => {
    answer =
      '{"kind":"ConfigMapList","items":[null,7,{"metadata":{"name":"a"}}]}';
    expect(await listObjects(config, CONFIG_MAP)).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
    ]);
    answer = '{"kind":"ConfigMapList","items":null}';
    expect(await listObjects(config, CONFIG_MAP)).toEqual([]);
  });
});
