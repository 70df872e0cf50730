import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createServiceFactory,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  urlReaderFactoriesServiceRef,
  urlReaderServiceFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { capturingLogger } from '@diehard/backend-test-utils';
import { GitEndpoint, labGitCli, labGitRepo, useLab } from '@diehard/lab';
import { readGitServers } from '@diehard/plugin-git-servers-node';
import isomorphicGit from 'isomorphic-git';
import diehardGitUrlReader, { DiehardGitReadLimits } from './index';
import { DiehardGitUrlReader } from './DiehardGitUrlReader';
import {
  BLOB,
  COMMIT,
  copyDelta,
  commitOf,
  objectId,
  OFS_DELTA,
  packOf,
  TREE,
  treeOf,
} from './__testUtils__/testPacks';

const MiB = 1024 * 1024;

jest.setTimeout(120_000);

/**
 * The UrlReaderService a plugin gets from the real backend-defaults factory, with
 * this package installed and the lab git server in diehard.git.servers.
 */
async function urlReaderFor(
  git: GitEndpoint,
  password = git.password,
  logger = capturingLogger(),
  options: {
    /** Bounds other than the defaults, on a reader built as the module builds it. */
    limits?: Partial<DiehardGitReadLimits>;
    workingDirectory?: string;
  } = {},
): Promise<UrlReaderService> {
  const { limits, workingDirectory } = options;
  const tester = ServiceFactoryTester.from(urlReaderServiceFactory, {
    dependencies: [
      limits
        ? createServiceFactory({
            service: urlReaderFactoriesServiceRef,
            deps: {},
            async factory() {
              return ({ config, logger: log, treeResponseFactory }) =>
                readGitServers(config).map(server => ({
                  reader: new DiehardGitUrlReader(server, {
                    treeResponseFactory,
                    logger: log,
                    limits,
                  }),
                  predicate: (url: URL) =>
                    url.href.startsWith(`${server.baseUrl}/`),
                }));
            },
          })
        : diehardGitUrlReader,
      mockServices.rootConfig.factory({
        data: {
          // The generic reader would also take this host (as app-config.lab.yaml
          // allows it), but could not read a tree: ours must come first.
          backend: {
            reading: { allow: [{ host: git.host }] },
            ...(workingDirectory ? { workingDirectory } : {}),
          },
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
  describe('bounds on what a repository makes it read', () => {
    /** Incompressible (random hex), so that it weighs as much in the fetch. */
    const BIG = crypto.randomBytes(128 * 1024).toString('hex');
    let big: Awaited<ReturnType<typeof labGitRepo>>;
    let bigUrl: string;

    beforeAll(async () => {
      big = await labGitRepo(git, { owner: repo.owner, name: 'assets' });
      await big.push({
        'k8s/deployment.yaml': DEPLOYMENT,
        'k8s/network/service.yaml': SERVICE,
        'k8s/video.bin': BIG,
      });
      bigUrl = `${git.url}/${big.owner}/assets/raw/main`;
    });

    afterAll(async () => {
      await big?.remove();
    });

    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('asks the filter with each size before reading, and never reads what it rejects', async () => {
      const small = await urlReaderFor(git, git.password, logger, {
        limits: { maxTreeBytes: 4096 },
      });
      const readBlob = jest.spyOn(isomorphicGit, 'readBlob');
      const offered: Record<string, number | undefined> = {};
      const tree = await small.readTree(`${bigUrl}/k8s`, {
        filter: (p, info) => {
          offered[p] = info?.size;
          return p.endsWith('.yaml');
        },
      });
      expect(offered).toEqual({
        'deployment.yaml': DEPLOYMENT.length,
        'network/service.yaml': SERVICE.length,
        'video.bin': BIG.length,
      });
      expect(await contents(tree)).toEqual({
        'deployment.yaml': DEPLOYMENT,
        'network/service.yaml': SERVICE,
      });
      // Two files read, the one of 256 KiB never was.
      expect(readBlob).toHaveBeenCalledTimes(2);
    });

    it('fails past its bound on a folder, naming the repository and the bound', async () => {
      const small = await urlReaderFor(git, git.password, logger, {
        limits: { maxTreeBytes: 4096 },
      });
      const error = await failure(small.readTree(`${bigUrl}/k8s`));
      expect(error.name).toBe('InputError');
      expect(error.message).toBe(
        `the folder "k8s" on branch "main" of ${git.url}/${big.owner}/assets.git holds more than 4096 bytes of files to read, the most the git reader reads at once`,
      );
      // The default bounds read it.
      const tree = await reader.readTree(`${bigUrl}/k8s`);
      expect((await contents(tree))['video.bin']).toBe(BIG);
    });

    it('fails past its bound on the download of a branch, and on one file', async () => {
      const small = await urlReaderFor(git, git.password, logger, {
        limits: { maxFetchBytes: 64 * 1024, maxUrlBytes: 64 * 1024 },
      });
      const fetched = await failure(
        small.readTree(`${bigUrl}/k8s`, { filter: () => false }),
      );
      expect(fetched.name).toBe('InputError');
      expect(fetched.message).toBe(
        `branch "main" of ${git.url}/${big.owner}/assets.git is larger than 65536 bytes to download, the most the git reader fetches`,
      );

      const file = await failure(small.readUrl(`${bigUrl}/k8s/video.bin`));
      expect(file.name).toBe('InputError');
      expect(file.message).toBe(
        `${bigUrl}/k8s/video.bin of ${git.url}/${big.owner}/assets.git is larger than 65536 bytes, the most the git reader reads in one file`,
      );
      await expect(
        (await small.readUrl(`${bigUrl}/k8s/deployment.yaml`)).buffer(),
      ).resolves.toEqual(Buffer.from(DEPLOYMENT));
    });

    it('rejects with the reason of an aborted signal, before or while it reads', async () => {
      const before = AbortSignal.abort();
      for (const read of [
        reader.readTree(`${bigUrl}/k8s`, { signal: before }),
        reader.readUrl(`${bigUrl}/k8s/video.bin`, { signal: before }),
        reader.search(`${bigUrl}/k8s/**/*.yaml`, { signal: before }),
      ]) {
        expect(await failure(read)).toBe(before.reason);
      }

      // As the HA posture backend's budget does when a file is one too many.
      const controller = new AbortController();
      const budget = new Error('over budget');
      const readBlob = jest.spyOn(isomorphicGit, 'readBlob');
      const error = await failure(
        reader.readTree(`${bigUrl}/k8s`, {
          filter: () => {
            controller.abort(budget);
            return true;
          },
          signal: controller.signal,
        }),
      );
      expect(error).toBe(budget);
      expect(readBlob).not.toHaveBeenCalled();
    });

    it('shows no path of the server in its errors', async () => {
      const workingDirectory = path.join(
        os.tmpdir(),
        `reader-missing-${crypto.randomBytes(4).toString('hex')}`,
      );
      const lost = await urlReaderFor(git, git.password, logger, {
        workingDirectory,
      });
      const error = await failure(lost.readTree(`${bigUrl}/k8s`));
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toContain(`${git.url}/${big.owner}/assets.git`);
      expect(error.message).toContain('<working directory>');
      expect(error.message).not.toContain(workingDirectory);
      expect(error.message).not.toContain(os.tmpdir());
    });
  });
  describe('bounds on what a fetched pack unpacks to', () => {
    /** Its own owner: the tests above remove theirs. */
    const owner = `reader-packs-${crypto.randomBytes(4).toString('hex')}`;
    const repos: Array<Awaited<ReturnType<typeof labGitRepo>>> = [];
    const repoNamed = async (name: string) => {
      const created = await labGitRepo(git, { owner, name });
      repos.push(created);
      return created;
    };
    const branchOf = (name: string) =>
      `branch "main" of ${git.url}/${owner}/${name}.git`;
    const treeUrl = (name: string, folder = 'k8s') =>
      `${git.url}/${owner}/${name}/raw/main/${folder}`;
    const yamlOnly = (p: string) => p.endsWith('.yaml');

    beforeAll(async () => {
      await (
        await repoNamed('svc')
      ).push({
        'k8s/deployment.yaml': DEPLOYMENT,
        'k8s/network/service.yaml': SERVICE,
      });
    });

    afterAll(async () => {
      for (const created of repos) await created.remove();
    });

    /**
     * The largest growth of the memory of Buffers and ArrayBuffers while `work`
     * runs, sampled every millisecond, and the files isomorphic-git wrote: a pack
     * refused before isomorphic-git indexes it is never written.
     */
    async function watched<T>(work: () => Promise<T>) {
      const writeFile = jest.spyOn(fsp, 'writeFile');
      const before = process.memoryUsage().arrayBuffers;
      let peak = before;
      const sample = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      }, 1);
      const started = Date.now();
      try {
        const result = await work();
        return {
          result,
          ms: Date.now() - started,
          growth: Math.max(peak, process.memoryUsage().arrayBuffers) - before,
          packsWritten: writeFile.mock.calls
            .map(call => String(call[0]))
            .filter(file => /\.(pack|idx)$/.test(file)),
        };
      } finally {
        clearInterval(sample);
        writeFile.mockRestore();
      }
    }

    it('refuses a branch holding a file that inflates past the bound of one object, before unpacking it', async () => {
      const zeros = await repoNamed('zeros');
      // 24 MiB of zeros: 24 KiB to download.
      await zeros.push({
        'k8s/deployment.yaml': DEPLOYMENT,
        'k8s/disk.img': '\0'.repeat(24 * MiB),
      });
      const small = await urlReaderFor(git, git.password, logger, {
        limits: { maxObjectBytes: 8 * MiB },
      });
      const refused = await watched(() =>
        failure(small.readTree(treeUrl('zeros'), { filter: yamlOnly })),
      );
      expect(refused.result.name).toBe('InputError');
      expect(refused.result.message).toBe(
        `${branchOf(
          'zeros',
        )} holds an object larger than 8 MiB once unpacked, the most the git reader unpacks in one object`,
      );
      expect(refused.packsWritten).toEqual([]);
      expect(refused.growth).toBeLessThan(4 * MiB);
      expect(refused.ms).toBeLessThan(10_000);

      // Under the bound, the same branch reads.
      const tree = await reader.readTree(treeUrl('zeros'), {
        filter: yamlOnly,
      });
      expect(await contents(tree)).toEqual({ 'deployment.yaml': DEPLOYMENT });
    });

    it('refuses a branch of many files that inflate past the bound of a fetch in all', async () => {
      const layers = await repoNamed('layers');
      // Six files of 4 MiB, each under the bound of one object, 24 MiB in all.
      const files: Record<string, string> = {
        'k8s/deployment.yaml': DEPLOYMENT,
      };
      for (let i = 0; i < 6; i++) {
        files[`k8s/layers/${i}.bin`] = `${i}${'\0'.repeat(4 * MiB)}`;
      }
      await layers.push(files);
      const small = await urlReaderFor(git, git.password, logger, {
        limits: { maxObjectBytes: 8 * MiB, maxUnpackedBytes: 16 * MiB },
      });
      const refused = await watched(() =>
        failure(small.readTree(treeUrl('layers'), { filter: yamlOnly })),
      );
      expect(refused.result.name).toBe('InputError');
      expect(refused.result.message).toBe(
        `${branchOf(
          'layers',
        )} is larger than 16 MiB once unpacked, the most the git reader unpacks in one fetch`,
      );
      expect(refused.packsWritten).toEqual([]);

      // A branch under the bounds reads with them.
      const tree = await small.readTree(treeUrl('svc'));
      expect(await contents(tree)).toEqual({
        'deployment.yaml': DEPLOYMENT,
        'network/service.yaml': SERVICE,
      });
    });

    it('refuses a delta that rebuilds an object past the bound of one object from a small base', async () => {
      // What a crafted push leaves on a server, and its upload-pack sends as is: a
      // base of 1 MiB of zeros, and a delta of a hundred bytes copying it 24 times.
      const bombs = await repoNamed('bombs');
      await bombs.push({ 'README.md': '# bombs\n' });
      const base = Buffer.alloc(1 * MiB);
      const tree = treeOf({
        'base.bin': objectId('blob', base),
        'bomb.bin': objectId('blob', Buffer.alloc(24 * MiB)),
      });
      const commit = commitOf(objectId('tree', tree));
      const gitDir = path.join(git.projectRoot, owner, 'bombs.git');
      const packFile = path.join(gitDir, 'objects', 'pack', 'pack-bomb.pack');
      await fsp.writeFile(
        packFile,
        packOf([
          { type: COMMIT, data: commit },
          { type: TREE, data: tree },
          { type: BLOB, data: base },
          { type: OFS_DELTA, data: copyDelta(1 * MiB, 24), base: 2 },
        ]),
      );
      await labGitCli(['--git-dir', gitDir, 'index-pack', packFile]);
      await labGitCli([
        '--git-dir',
        gitDir,
        'update-ref',
        'refs/heads/main',
        objectId('commit', commit),
      ]);

      const small = await urlReaderFor(git, git.password, logger, {
        limits: { maxObjectBytes: 8 * MiB },
      });
      const refused = await watched(() =>
        failure(small.readTree(treeUrl('bombs', ''), { filter: () => false })),
      );
      expect(refused.result.name).toBe('InputError');
      expect(refused.result.message).toBe(
        `${branchOf(
          'bombs',
        )} holds an object larger than 8 MiB once unpacked, the most the git reader unpacks in one object`,
      );
      expect(refused.packsWritten).toEqual([]);
      expect(refused.growth).toBeLessThan(4 * MiB);

      // Under the bound, isomorphic-git rebuilds it.
      const sizes: Record<string, number | undefined> = {};
      await reader.readTree(treeUrl('bombs', ''), {
        filter: (p, info) => {
          sizes[p] = info?.size;
          return false;
        },
      });
      expect(sizes).toEqual({ 'base.bin': 1 * MiB, 'bomb.bin': 24 * MiB });
    });

    it('refuses a branch of more objects than its bound', async () => {
      const small = await urlReaderFor(git, git.password, logger, {
        limits: { maxObjects: 3 },
      });
      const refused = await watched(() =>
        failure(small.readTree(treeUrl('svc'))),
      );
      expect(refused.result.name).toBe('InputError');
      expect(refused.result.message).toBe(
        `${branchOf(
          'svc',
        )} holds more than 3 objects, the most the git reader unpacks in one fetch`,
      );
      expect(refused.packsWritten).toEqual([]);
    });
  });
});
