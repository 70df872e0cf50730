import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  componentOnDisk,
  startPostureBackend,
} from './__testUtils__/postureBackend';
import { corpusDir } from './__testUtils__/corpus';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const corpus = corpusDir('service/eni-todo-ha');

/**
 * A repository on the server's disk, as an app-config `file` location declares it, and
 * a folder beside it that no entity may read.
 */
const work = fs.realpathSync(
  fs.mkdtempSync(path.join(os.tmpdir(), 'posture-confined-')),
);
const repo = path.join(work, 'repo');
const outside = path.join(work, 'outside');

const entity = (
  name: string,
  manifestsPath: string,
  extra: Record<string, string> = {},
) =>
  componentOnDisk(
    name,
    path.join(repo, 'catalog-info.yaml'),
    manifestsPath,
    extra,
  );

const entities: Entity[] = [
  entity('fine', 'k8s'),
  entity('up-three', '../../..'),
  entity('up-through', 'k8s/../../outside'),
  entity('absolute', '/etc'),
  entity('file-url', 'file:/etc'),
  entity('encoded', '%2e%2e/%2e%2e/etc'),
  entity('backslash', '..\\..\\etc'),
  entity('missing', 'manifests'),
  entity('linked-file', 'linked-file'),
  entity('linked-folder', 'linked-folder'),
  entity('fifo', 'fifo'),
  entity('many', 'many'),
  entity('slow', 'slow'),
  entity('big', 'big'),
  // Claims the server's root as its source: only the catalog's location counts.
  entity('claims-root', 'etc', {
    'backstage.io/source-location': 'file:/',
  }),
  // Registered from a URL, yet emitted a file location of the server.
  {
    ...entity('url-origin', '.'),
    metadata: {
      name: 'url-origin',
      annotations: {
        'backstage.io/managed-by-location': `file:${path.join(
          outside,
          'catalog-info.yaml',
        )}`,
        'backstage.io/managed-by-origin-location':
          'url:https://git.example/acme/svc/raw/main/catalog-info.yaml',
        'diehard.io/manifests-path': '.',
      },
    },
  },
];

beforeAll(() => {
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  write(path.join(repo, 'catalog-info.yaml'), 'kind: Component\n');
  for (const file of fs.readdirSync(corpus).filter(f => f.endsWith('.yaml'))) {
    write(
      path.join(repo, 'k8s', file),
      fs.readFileSync(path.join(corpus, file), 'utf8'),
    );
  }
  write(
    path.join(outside, 'secret.yaml'),
    'kind: Secret\nmetadata:\n  name: s\n',
  );
  write(path.join(outside, 'catalog-info.yaml'), 'kind: Component\n');
  fs.mkdirSync(path.join(repo, 'linked-file'));
  fs.symlinkSync(
    path.join(outside, 'secret.yaml'),
    path.join(repo, 'linked-file', 'secret.yaml'),
  );
  fs.symlinkSync(outside, path.join(repo, 'linked-folder'));
  fs.mkdirSync(path.join(repo, 'fifo'));
  fs.copyFileSync(
    path.join(repo, 'k8s', '20-todo-web.yaml'),
    path.join(repo, 'fifo', 'web.yaml'),
  );
  execFileSync('mkfifo', [path.join(repo, 'fifo', 'hang.yaml')]);
  for (let i = 0; i < 300; i++)
    write(path.join(repo, 'slow', `${i}.yaml`), 'kind: ConfigMap\n');
  for (let i = 0; i < 40; i++)
    write(path.join(repo, 'many', `${i}.yaml`), 'kind: ConfigMap\n');
  write(
    path.join(repo, 'big', 'big.yaml'),
    `# ${'x'.repeat(50_000)}\nkind: ConfigMap\n`,
  );
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const startBackend = (manifests: Record<string, number> = {}) =>
  startPostureBackend({
    entities,
    config: {
      haPosture: {
        manifests: { maxFiles: 30, maxBytes: 40_000, ...manifests },
      },
    },
  });

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(() => backend?.stop());

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

describe('manifests read only from the entity’s own repository', () => {
  it('reads a folder of the repository and names it by its path there', async () => {
    const res = await refresh('fine');
    expect(res.status).toBe(200);
    expect(res.body.source).toEqual({ type: 'manifests', location: 'k8s' });
    expect(res.body.grade).toBe('A');
    expectNoServerPath(res);
  });

  it.each([
    ['up-three', '"../../.." leads out of the entity\'s repository'],
    ['up-through', '"k8s/../../outside" leads out of the entity\'s repository'],
    ['absolute', '"/etc" is not a relative path'],
    ['file-url', '"file:/etc" is not a relative path'],
    ['encoded', '"%2e%2e/%2e%2e/etc" holds %, \\, ? or #'],
    ['backslash', '"..\\\\..\\\\etc" holds %, \\, ? or #'],
  ])('refuses %s, naming the annotation', async (name, why) => {
    const res = await refresh(name);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      `diehard.io/manifests-path ${why}`,
    );
    expectNoServerPath(res);
  });

  it('says a folder is missing without naming the server path', async () => {
    const res = await refresh('missing');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'the manifests folder "manifests" named by diehard.io/manifests-path cannot be read from the entity\'s repository: no such folder in the repository',
    );
    expectNoServerPath(res);
  });

  it('ignores a source location the entity claims for itself', async () => {
    const res = await refresh('claims-root');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"etc"');
    expect(res.body.error.message).toContain(
      'no such folder in the repository',
    );
    expectNoServerPath(res);
  });

  it('refuses a file location reached from a registered URL', async () => {
    const res = await refresh('url-origin');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("never from the server's disk");
    expectNoServerPath(res);
  });

  it('refuses symbolic links out of the repository, to a file or a folder', async () => {
    const file = await refresh('linked-file');
    expect(file.status).toBe(400);
    expect(file.body.error.message).toBe(
      '"linked-file/secret.yaml", under the manifests folder named by diehard.io/manifests-path, is a symbolic link out of the entity\'s repository',
    );
    expectNoServerPath(file);
    const folder = await refresh('linked-folder');
    expect(folder.status).toBe(400);
    expect(folder.body.error.message).toContain('"linked-folder"');
    expect(folder.body.error.message).toContain('symbolic link out');
    expectNoServerPath(folder);
  });

  it('reads regular files only: a FIFO named *.yaml does not hang the evaluation', async () => {
    const res = await refresh('fifo');
    expect(res.status).toBe(200);
    expect(res.body.report.workloads.map((w: any) => w.name)).toEqual([
      'todo-web',
    ]);
  }, 15_000);

  it('stops at the file and byte limits, naming them', async () => {
    const many = await refresh('many');
    expect(many.status).toBe(400);
    expect(many.body.error.message).toBe(
      'the manifests folder "many" named by diehard.io/manifests-path holds more than 30 files and folders (haPosture.manifests.maxFiles)',
    );
    const big = await refresh('big');
    expect(big.status).toBe(400);
    expect(big.body.error.message).toBe(
      'the manifests folder "big" named by diehard.io/manifests-path holds more than 40000 bytes of manifests (haPosture.manifests.maxBytes)',
    );
  });

  it('stops at the time limit, naming it', async () => {
    const slow = await startBackend({
      maxFiles: 100_000,
      timeoutSeconds: 0.0005,
    });
    try {
      const res = await request(slow.server).post(
        '/api/ha-posture/entities/component/default/slow/refresh',
      );
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain(
        'took longer than 0.0005 s (haPosture.manifests.timeoutSeconds)',
      );
    } finally {
      await slow.stop();
    }
  });
});
