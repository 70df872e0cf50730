import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import request from 'supertest';
import {
  componentOnDisk,
  serviceComponent,
  startPostureBackend,
} from '../__testUtils__/postureBackend';

// Each test file starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

/** Repositories on the server's disk, as app-config `file` locations declare them. */
const work = fs.realpathSync(
  fs.mkdtempSync(path.join(os.tmpdir(), 'posture-source-')),
);
const repo = path.join(work, 'repo');
const denied = path.join(repo, 'denied');

/** A service registered from `catalogUrl`, its manifests in its k8s folder. */
const onGit = (name: string, catalogUrl: string) =>
  serviceComponent(name, {
    'backstage.io/managed-by-location': `url:${catalogUrl}`,
    'backstage.io/managed-by-origin-location': `url:${catalogUrl}`,
    'diehard.io/manifests-path': 'k8s',
  });

/** What the portal's git reader raises, by repository. */
const readerErrors: Record<string, () => Error> = {
  refused: () =>
    new AuthenticationError(
      'git server https://git.example refused the credentials of user "portal-bot" configured in diehard.git.servers',
    ),
  forbidden: () =>
    new NotAllowedError(
      'git server https://git.example: user "portal-bot" may not read https://git.example/acme/forbidden.git',
    ),
  misnamed: () =>
    new NotFoundError(
      'no folder "k8s" on branch "main" of https://git.example/acme/misnamed.git',
    ),
};

const urlReader = mockServices.urlReader.mock({
  async readTree(url) {
    const repository = new URL(url).pathname.split('/')[2];
    throw (readerErrors[repository] ?? (() => new Error('unexpected read')))();
  },
});

let backend: Awaited<ReturnType<typeof startPostureBackend>>;

beforeAll(async () => {
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'catalog-info.yaml'), 'kind: Component\n');
  fs.mkdirSync(denied);
  fs.writeFileSync(path.join(denied, 'web.yaml'), 'kind: ConfigMap\n');
  backend = await startPostureBackend({
    entities: [
      // Its catalog file's folder was removed since it was registered: no repository
      // left, no manifests folder either.
      componentOnDisk(
        'gone',
        path.join(work, 'gone', 'catalog-info.yaml'),
        'k8s',
      ),
      componentOnDisk('denied', path.join(repo, 'catalog-info.yaml'), 'denied'),
      onGit(
        'refused',
        'https://portal-bot:s3cret@git.example/acme/refused/raw/main/catalog-info.yaml',
      ),
      onGit(
        'forbidden',
        'https://git.example/acme/forbidden/raw/main/catalog-info.yaml',
      ),
      onGit(
        'misnamed',
        'https://git.example/acme/misnamed/raw/main/catalog-info.yaml',
      ),
    ],
    features: [urlReader.factory],
  });
});

afterAll(async () => {
  await backend?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

afterEach(() => jest.restoreAllMocks());

const refresh = (name: string) =>
  request(backend.server).post(
    `/api/ha-posture/entities/component/default/${name}/refresh`,
  );

/** What a user reads of an answer must not name a place on the server's disk. */
function expectNoServerPath(res: request.Response) {
  expect(res.text).not.toContain(work);
  expect(res.text).not.toContain(os.tmpdir());
  expect(res.text).not.toContain(process.cwd());
}

describe('manifests on the server’s disk: errors in the entity’s terms', () => {
  it('names the annotation and its value when the entity’s folder is gone, not the server path', async () => {
    const res = await refresh('gone');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toBe(
      'the manifests folder "k8s" named by diehard.io/manifests-path cannot be read from the entity\'s repository: no such folder in the repository',
    );
    expectNoServerPath(res);
  });

  it('answers a folder the server may not read as the server’s fault, without its path', async () => {
    const readdir = fsPromises.readdir;
    // As a folder of mode 000 answers (the tests may run as root, who reads it anyway).
    jest.spyOn(fsPromises, 'readdir').mockImplementation((async (
      dir: any,
      options?: any,
    ): Promise<any> => {
      if (String(dir).startsWith(denied)) {
        throw Object.assign(
          new Error(`EACCES: permission denied, scandir '${dir}'`),
          { code: 'EACCES', errno: -13, syscall: 'scandir', path: dir },
        );
      }
      return readdir(dir, options);
    }) as typeof readdir);
    const res = await refresh('denied');
    expect(res.status).toBe(500);
    expect(res.body.error.name).toBe('Error');
    expect(res.body.error.message).toBe(
      'the manifests folder "denied" named by diehard.io/manifests-path could not be read from the server\'s disk (EACCES on scandir)',
    );
    expect(res.body.error).not.toHaveProperty('path');
    expectNoServerPath(res);
  });
});

describe('manifests through the UrlReader: the portal’s credentials refused', () => {
  it('answers refused credentials as the server’s fault, not a 401, without the credentials', async () => {
    const res = await request(backend.server).get(
      '/api/ha-posture/entities/component/default/refused',
    );
    expect(res.status).toBe(503);
    expect(res.body.error.name).toBe('ServiceUnavailableError');
    expect(res.body.error.message).toBe(
      'the portal could not read https://git.example/acme/refused/raw/main/ with its configured credentials',
    );
    expect(res.text).not.toContain('AuthenticationError');
    expect(res.text).not.toContain('s3cret');
    expect(res.text).not.toContain('portal-bot');
  });

  it('answers a read the portal may not make as the server’s fault, not a 403', async () => {
    const res = await refresh('forbidden');
    expect(res.status).toBe(503);
    expect(res.body.error.name).toBe('ServiceUnavailableError');
    expect(res.body.error.message).toBe(
      'the portal could not read https://git.example/acme/forbidden/raw/main/ with its configured credentials',
    );
  });

  it('still names a manifests folder missing from the repository as the entity’s mistake', async () => {
    const res = await refresh('misnamed');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'the manifests folder "k8s" named by diehard.io/manifests-path cannot be read from the entity\'s repository: no folder "k8s" on branch "main" of https://git.example/acme/misnamed.git',
    );
  });
});
