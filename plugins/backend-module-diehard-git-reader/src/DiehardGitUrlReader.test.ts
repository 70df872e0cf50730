import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { capturingLogger } from '@diehard/backend-test-utils';
import { GitEndpoint, labGitRepo, useLab } from '@diehard/lab';
import diehardGitUrlReader from './index';

jest.setTimeout(120_000);

/**
 * The UrlReaderService a plugin gets from the real backend-defaults factory, with
 * this package installed and the lab git server in diehard.git.servers.
 */
async function urlReaderFor(
  git: GitEndpoint,
  password = git.password,
  logger = capturingLogger(),
): Promise<UrlReaderService> {
  const tester = ServiceFactoryTester.from(urlReaderServiceFactory, {
    dependencies: [
      diehardGitUrlReader,
      mockServices.rootConfig.factory({
        data: {
          // The generic reader would also take this host (as app-config.lab.yaml
          // allows it), but could not read a tree: ours must come first.
          backend: { reading: { allow: [{ host: git.host }] } },
          diehard: {
            git: {
              servers: [{ baseUrl: git.url, username: git.username, password }],
            },
          },
        },
      }),
      logger.factory,
    ],
  });
  return tester.getSubject('catalog');
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure, the read succeeded');
}

async function contents(
  tree: Awaited<ReturnType<UrlReaderService['readTree']>>,
) {
  const out: Record<string, string> = {};
  for (const file of await tree.files()) {
    out[file.path] = (await file.content()).toString('utf8');
  }
  return out;
}

const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n';
const CATALOG =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n';

describe('DiehardGitUrlReader against the lab git server', () => {
  let git: GitEndpoint;
  let repo: Awaited<ReturnType<typeof labGitRepo>>;
  let first: string;
  let reader: UrlReaderService;
  const logger = capturingLogger();
  /** What diehard:git:push outputs as repoContentsUrl, and the folder below it. */
  let contentsUrl: string;

  beforeAll(async () => {
    git = (await useLab(['git'])).git;
    repo = await labGitRepo(git, {
      owner: `reader-test-${crypto.randomBytes(4).toString('hex')}`,
    });
    first = await repo.push({
      'catalog-info.yaml': CATALOG,
      'README.md': '# svc\n',
      'k8s/deployment.yaml': DEPLOYMENT,
      'k8s/network/service.yaml': SERVICE,
    });
    contentsUrl = `${git.url}/${repo.repo}/raw/main`;
    reader = await urlReaderFor(git, git.password, logger);
  });

  afterAll(async () => {
    await repo?.remove();
  });

  it('reads the k8s folder of a branch, with the commit as etag', async () => {
    const tree = await reader.readTree(`${contentsUrl}/k8s`);
    expect(tree.etag).toBe(first);
    expect(await contents(tree)).toEqual({
      'deployment.yaml': DEPLOYMENT,
      'network/service.yaml': SERVICE,
    });
  });

  it('says not modified for the same commit, and reads the new one after a push', async () => {
    await expect(
      reader.readTree(`${contentsUrl}/k8s`, { etag: first }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });

    const second = await repo.push({
      'k8s/deployment.yaml': `${DEPLOYMENT}# v2\n`,
    });
    const tree = await reader.readTree(`${contentsUrl}/k8s`, { etag: first });
    expect(tree.etag).toBe(second);
    expect((await contents(tree))['deployment.yaml']).toContain('# v2');
    first = second;
  });

  it("reads the whole branch at diehard:git:push's repoContentsUrl, through a filter", async () => {
    const tree = await reader.readTree(contentsUrl, {
      filter: p => p.endsWith('.yaml'),
    });
    expect(Object.keys(await contents(tree)).sort()).toEqual([
      'catalog-info.yaml',
      'k8s/deployment.yaml',
      'k8s/network/service.yaml',
    ]);
    // The folder of an entity's catalog file, as the catalog resolves `.` against it.
    // Written to disk, as TechDocs and the scaffolder's fetch actions take a tree.
    const target = await fsp.mkdtemp(path.join(os.tmpdir(), 'reader-dir-'));
    try {
      const tree2 = await reader.readTree(`${contentsUrl}/`);
      await tree2.dir({ targetDir: target });
      expect(
        await fsp.readFile(
          path.join(target, 'k8s/network/service.yaml'),
          'utf8',
        ),
      ).toBe(SERVICE);
      expect(await fsp.readFile(path.join(target, 'README.md'), 'utf8')).toBe(
        '# svc\n',
      );
    } finally {
      await fsp.rm(target, { recursive: true, force: true });
    }
  });

  it('reads a branch whose name has a slash', async () => {
    await repo.push(
      { 'k8s/pdb.yaml': 'kind: PodDisruptionBudget\n' },
      'release/1.0',
    );
    const tree = await reader.readTree(
      `${git.url}/${repo.repo}/raw/release/1.0/k8s`,
    );
    expect(Object.keys(await contents(tree))).toContain('pdb.yaml');
  });

  it("reads one file (the catalog's catalogInfoUrl), and says not modified for its etag", async () => {
    const url = `${contentsUrl}/catalog-info.yaml`;
    const file = await reader.readUrl(url);
    expect((await file.buffer()).toString('utf8')).toBe(CATALOG);
    expect(file.etag).toBeTruthy();
    await expect(
      reader.readUrl(url, { etag: file.etag }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });
  });

  it('finds files by glob', async () => {
    const found = await reader.search(`${contentsUrl}/k8s/**/*.yaml`);
    expect(found.files.map(f => f.url).sort()).toEqual([
      `${contentsUrl}/k8s/deployment.yaml`,
      `${contentsUrl}/k8s/network/service.yaml`,
    ]);
    expect(
      (
        await found.files.find(f => f.url.endsWith('service.yaml'))!.content()
      ).toString(),
    ).toBe(SERVICE);
    expect(found.etag).toBe(first);
  });

  it('names the missing folder, branch or repository', async () => {
    const folder = await failure(reader.readTree(`${contentsUrl}/manifests`));
    expect(folder.name).toBe('NotFoundError');
    expect(folder.message).toBe(
      `no folder "manifests" on branch "main" of ${git.url}/${repo.repo}.git`,
    );

    const branch = await failure(
      reader.readTree(`${git.url}/${repo.repo}/raw/develop/k8s`),
    );
    expect(branch.name).toBe('NotFoundError');
    expect(branch.message).toContain('no branch "develop"');
    expect(branch.message).toContain('main, release/1.0');

    const repository = await failure(
      reader.readTree(`${git.url}/${repo.repo}-gone/raw/main/k8s`),
    );
    expect(repository.name).toBe('NotFoundError');
    expect(repository.message).toContain(`${repo.repo}-gone.git not found`);

    const file = await failure(reader.readUrl(`${contentsUrl}/k8s/nope.yaml`));
    expect(file.name).toBe('NotFoundError');
    expect(file.message).toContain('nope.yaml');
  });

  it('refuses wrong credentials without showing them, and never logs them', async () => {
    const wrong = 'not-the-password-Zq9';
    const bad = await urlReaderFor(git, wrong);
    const error = await failure(bad.readTree(`${contentsUrl}/k8s`));
    expect(error.name).toBe('AuthenticationError');
    expect(error.message).toContain(`user "${git.username}"`);
    const shown = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(wrong);
    expect(shown).not.toContain(
      Buffer.from(`${git.username}:${wrong}`).toString('base64'),
    );
    expect(logger.text()).not.toContain(git.password);
  });
});
