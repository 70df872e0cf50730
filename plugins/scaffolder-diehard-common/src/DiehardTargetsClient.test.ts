import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ResponseError } from '@backstage/errors';
import { DiehardTargetsClient } from './DiehardTargetsClient';
import { DeployTarget } from './targets';

const lab: DeployTarget = {
  name: 'lab',
  title: 'The lab',
  namespaces: ['apps'],
  kinds: ['*'],
};

describe('DiehardTargetsClient', () => {
  let server: http.Server;
  let baseUrl: string;
  let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void;

  beforeAll(async () => {
    server = http.createServer((req, res) => answer(req, res));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/scaffolder`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  const client = () =>
    new DiehardTargetsClient({
      discoveryApi: {
        getBaseUrl: async pluginId => {
          expect(pluginId).toBe('scaffolder');
          return baseUrl;
        },
      },
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: {
              ...(init?.headers as Record<string, string>),
              authorization: 'Bearer user-token',
            },
          }),
      },
    });

  it('lists the targets of GET /api/scaffolder/diehard/targets, as the caller', async () => {
    let seen: { url?: string; authorization?: string } = {};
    answer = (req, res) => {
      seen = { url: req.url, authorization: req.headers.authorization };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ clusters: [lab] }));
    };
    await expect(client().getTargets()).resolves.toEqual([lab]);
    expect(seen).toEqual({
      url: '/api/scaffolder/diehard/targets',
      authorization: 'Bearer user-token',
    });
  });

  it("throws the backend's error, with its status, when the route refuses", async () => {
    answer = (_req, res) => {
      res.statusCode = 401;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          error: { name: 'AuthenticationError', message: 'no token' },
          request: { method: 'GET', url: '/diehard/targets' },
          response: { statusCode: 401 },
        }),
      );
    };
    const error = await client()
      .getTargets()
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(401);
    expect(error.cause.message).toBe('no token');
  });

  it("lists a cluster's storage classes, sending the user's cluster token in its header when given", async () => {
    const seen: Array<Record<string, string | undefined>> = [];
    const classes = [
      {
        name: 'nfs-ha',
        isDefault: false,
        highlyAvailable: true,
        nodeLocal: false,
      },
    ];
    answer = (req, res) => {
      seen.push({
        url: req.url,
        authorization: req.headers.authorization,
        oidc: req.headers['backstage-kubernetes-authorization-oidc-okta'] as
          | string
          | undefined,
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ storageClasses: classes }));
    };
    await expect(client().getStorageClasses('lab')).resolves.toEqual(classes);
    await expect(
      client().getStorageClasses('eu/west 1', {
        userToken: {
          secret: 'Backstage-Kubernetes-Authorization-oidc-okta',
          token: 'id-token',
        },
      }),
    ).resolves.toEqual(classes);
    expect(seen).toEqual([
      {
        url: '/api/scaffolder/diehard/targets/lab/storage-classes',
        authorization: 'Bearer user-token',
        oidc: undefined,
      },
      {
        url: '/api/scaffolder/diehard/targets/eu%2Fwest%201/storage-classes',
        authorization: 'Bearer user-token',
        oidc: 'id-token',
      },
    ]);
  });

  it('asks whether a host is taken, every query value encoded, with the user token when given', async () => {
    const seen: Array<Record<string, string | undefined>> = [];
    answer = (req, res) => {
      seen.push({
        url: req.url,
        oidc: req.headers['backstage-kubernetes-authorization-oidc-okta'] as
          | string
          | undefined,
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ taken: true, ingress: 'diehard-apps/shop' }));
    };
    await expect(
      client().getIngressHost(
        'lab',
        {
          host: 'shop.apps.example.org',
          namespace: 'diehard-apps',
          ingress: 'a&b=c',
        },
        {
          userToken: {
            secret: 'Backstage-Kubernetes-Authorization-oidc-okta',
            token: 'id-token',
          },
        },
      ),
    ).resolves.toEqual({ taken: true, ingress: 'diehard-apps/shop' });
    expect(seen).toEqual([
      {
        url: '/api/scaffolder/diehard/targets/lab/ingress-host?host=shop.apps.example.org&namespace=diehard-apps&ingress=a%26b%3Dc',
        oidc: 'id-token',
      },
    ]);
  });
});
