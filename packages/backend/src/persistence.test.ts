import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { dropDatabasesWithPrefix, freePort, useLab } from '@diehard/lab';
import {
  BackendProcess,
  StartBackendOptions,
  sqliteIn,
  startBackendProcess,
} from './__testUtils__/startBackendProcess';
import { guestToken } from './__testUtils__/guestSession';
import { productionEnv } from './__testUtils__/productionEnv';

jest.setTimeout(300_000);

const repoRoot = path.resolve(__dirname, '../../..');
const demoCatalog = fs.readFileSync(
  path.join(repoRoot, 'examples/eni-todo.yaml'),
);

/**
 * Serves the demo catalog file over HTTP, the way a user registers an existing
 * component by URL (the catalog API accepts only url locations).
 */
let catalogServer: http.Server;
let catalogUrl: string;
let readingAllow: { host: string }[];
beforeAll(async () => {
  catalogServer = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(demoCatalog);
  });
  await new Promise<void>(resolve =>
    catalogServer.listen(0, '127.0.0.1', resolve),
  );
  const { port } = catalogServer.address() as AddressInfo;
  catalogUrl = `http://localhost:${port}/eni-todo.yaml`;
  readingAllow = [{ host: `localhost:${port}` }];
});
afterAll(() => new Promise(resolve => catalogServer.close(resolve)));

interface Setup {
  start(): Promise<BackendProcess>;
  cleanup(): Promise<void>;
}

/** The embedded default: app-config.yaml alone, SQLite files in a data folder. */
function embeddedSqlite(port: number): Setup {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-data-'));
  return {
    start: () =>
      startBackendProcess({
        port,
        configFiles: ['app-config.yaml'],
        overrides: {
          backend: {
            database: sqliteIn(dataDir),
            reading: { allow: readingAllow },
          },
          // Only what the test registers, so nothing else re-creates it on restart.
          catalog: { locations: [] },
        },
      }),
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** app-config.production.yaml against the lab's real PostgreSQL. */
async function productionPostgres(port: number): Promise<Setup> {
  const lab = await useLab(['postgres']);
  const pg = lab.postgres;
  const prefix = `diehard_test_${randomBytes(4).toString('hex')}_`;
  const options: StartBackendOptions = {
    port,
    configFiles: ['app-config.yaml', 'app-config.production.yaml'],
    env: productionEnv(`http://localhost:${port}`, pg),
    overrides: {
      backend: { database: { prefix }, reading: { allow: readingAllow } },
      // The test signs in as guest; production's own sign-in needs an OIDC server.
      auth: {
        providers: {
          oidc: null,
          guest: { dangerouslyAllowOutsideDevelopment: true },
        },
      },
      catalog: { locations: [] },
    },
  };
  return {
    start: () => startBackendProcess(options),
    cleanup: () => dropDatabasesWithPrefix(pg, prefix),
  };
}

async function api(backend: BackendProcess, route: string, init?: RequestInit) {
  const token = await guestToken(backend.baseUrl);
  return fetch(`${backend.baseUrl}${route}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...init?.headers,
    },
  });
}

async function waitForEntity(backend: BackendProcess, ref: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await api(backend, `/api/catalog/entities/by-name/${ref}`);
    if (response.ok) return response.json();
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`${ref} never appeared in the catalog`);
}

describe.each([
  // Free ports, not fixed ones: another portal on this machine must not fail the test.
  [
    'the embedded default (SQLite)',
    async () => embeddedSqlite(await freePort()),
  ],
  [
    'the production config (PostgreSQL)',
    async () => productionPostgres(await freePort()),
  ],
])('%s', (_name, makeSetup) => {
  let setup: Setup;
  let backend: BackendProcess | undefined;

  beforeAll(async () => {
    setup = await makeSetup();
  });
  afterAll(async () => {
    await backend?.stop();
    await setup?.cleanup();
  });

  it('keeps a registered location and its entities across a restart', async () => {
    backend = await setup.start();
    const created = await api(backend, '/api/catalog/locations', {
      method: 'POST',
      body: JSON.stringify({ type: 'url', target: catalogUrl }),
    });
    expect(created.status).toBe(201);
    const web = await waitForEntity(backend, 'component/default/eni-todo-web');
    expect(web.spec.system).toBe('eni-todo');

    await backend.stop();
    backend = await setup.start();

    const locations = await (
      await api(backend, '/api/catalog/locations')
    ).json();
    expect(locations.map((l: any) => l.data.target)).toContain(catalogUrl);
    const after = await api(
      backend,
      '/api/catalog/entities/by-name/component/default/eni-todo-web',
    );
    expect(after.status).toBe(200);
    const entity = await after.json();
    expect(entity.relations).toEqual(
      expect.arrayContaining([
        { type: 'partOf', targetRef: 'system:default/eni-todo' },
        { type: 'dependsOn', targetRef: 'resource:default/eni-todo-galera' },
      ]),
    );
  });
});
