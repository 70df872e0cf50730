import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fsp from 'node:fs/promises';
import { selfSignedCert } from '@diehard/plugin-container-images-node/testUtils';
import { KubeClient } from './KubeClient';

/**
 * HTTP/2 is the default (one connection for a whole apply); a server or proxy in
 * front of the API that speaks HTTP/1.1 only must still work.
 */
describe('KubeClient over HTTP/1.1 only', () => {
  let server: https.Server;
  let url: string;
  let ca: string;
  let dir: string;
  const seen: string[] = [];

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-kube-h1-'));
    const cert = await selfSignedCert(dir, 'api');
    ca = cert.certPem;
    // Node's https server offers http/1.1 only in ALPN.
    server = https.createServer(
      { cert: cert.certPem, key: cert.keyPem },
      (req, res) => {
        seen.push(`${req.httpVersion} ${req.method} ${req.url}`);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ gitVersion: 'v1.34.4' }));
      },
    );
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('falls back to HTTP/1.1 when the server does not offer HTTP/2', async () => {
    const client = new KubeClient({ server: url, token: 't', ca });
    try {
      expect(await client.request('GET', '/version')).toEqual({
        gitVersion: 'v1.34.4',
      });
      expect(await client.request('GET', '/version?again=1')).toEqual({
        gitVersion: 'v1.34.4',
      });
      expect(seen).toEqual(['1.1 GET /version', '1.1 GET /version?again=1']);
    } finally {
      client.close();
    }
  });

  it('names the API server it cannot reach', async () => {
    const client = new KubeClient({
      server: 'https://127.0.0.1:1',
      token: 't',
    });
    try {
      await expect(client.request('GET', '/version')).rejects.toThrow(
        /^cannot reach the Kubernetes API at https:\/\/127\.0\.0\.1:1: connect ECONNREFUSED/,
      );
    } finally {
      client.close();
    }
  });
});
