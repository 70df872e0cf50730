import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import {
  LoggerService,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import type {
  ReaderFactory,
  ReadTreeResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  AuthenticationError,
  CustomErrorBase,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { Minimatch } from 'minimatch';
import {
  advertisedBranches,
  basicAuth,
  GitServer,
  maskSecrets,
  readGitServers,
} from '@diehard/plugin-git-servers-node';
import {
  GitLocation,
  isUnder,
  parseGitUrl,
  rawUrlOf,
  resolveBranch,
  supportsRawUrl,
} from './git/GitUrl';
import { ObjectSizes } from './git/objectSizes';
import {
  checkUploadPackResponse,
  MalformedPack,
  PackBounds,
  PackSummary,
  PackTooLarge,
  ServerFailed,
} from './git/packCheck';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * How much one read may take from a repository, whatever it holds: past it the read
 * fails (an InputError naming the repository and the bound) instead of filling the
 * backend's memory.
 *
 * @public
 */
export interface DiehardGitReadLimits {
  /** Bytes of the files a readTree or search keeps (after its filter). */
  maxTreeBytes: number;
  /** Bytes of one readUrl. */
  maxUrlBytes: number;
  /** Bytes downloaded by the fetch of a branch (its compressed pack). */
  maxFetchBytes: number;
  /**
   * Bytes of one object of the fetched pack once inflated (a file, a tree, or the
   * object a delta rebuilds), checked before isomorphic-git unpacks the pack.
   */
  maxObjectBytes: number;
  /**
   * Bytes the fetched pack inflates to in all, with the objects its deltas rebuild,
   * checked before isomorphic-git unpacks it.
   */
  maxUnpackedBytes: number;
  /** Objects in the fetched pack (the branch's commit, its trees and files). */
  maxObjects: number;
}

const DEFAULT_LIMITS: DiehardGitReadLimits = {
  maxTreeBytes: 64 * MiB,
  maxUrlBytes: 16 * MiB,
  maxFetchBytes: 128 * MiB,
  maxObjectBytes: 128 * MiB,
  maxUnpackedBytes: 512 * MiB,
  maxObjects: 100_000,
};

/** A bound as people read it: "64 MiB", "1 GiB", "1000 bytes". */
function shownBytes(n: number) {
  if (n >= GiB && n % GiB === 0) return `${n / GiB} GiB`;
  return n >= MiB && n % MiB === 0 ? `${n / MiB} MiB` : `${n} bytes`;
}

/** The work, or the signal's reason as soon as it is aborted. */
function abortable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  work.catch(() => {}); // once aborted, its end is nobody's concern
  signal.throwIfAborted();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() =>
    signal.removeEventListener('abort', onAbort),
  );
}

/**
 * isomorphic-git's node client, with the fetch's signal on every request, a bound on
 * the bytes of the responses, and the pack checked before isomorphic-git sees it:
 * isomorphic-git takes no signal, keeps the whole pack in memory before it indexes
 * it, and inflates every object of it while it does.
 */
function boundedHttp(
  maxBytes: number,
  tooLarge: () => Error,
  checkPack: (response: Buffer) => Promise<void>,
  signal?: AbortSignal,
): typeof http {
  let total = 0;
  return {
    async request(req) {
      signal?.throwIfAborted();
      const res = await http.request({ ...req, signal });
      const body = res.body;
      if (!body) return res;
      const bounded: AsyncIterableIterator<Uint8Array> = {
        async next() {
          try {
            const chunk = await abortable(body.next(), signal);
            if (!chunk.done) {
              total += chunk.value.byteLength;
              if (total > maxBytes) throw tooLarge();
            }
            return chunk;
          } catch (e) {
            await body.return?.();
            throw e;
          }
        },
        async return() {
          return (await body.return?.()) ?? { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      const fetchesPack =
        req.method === 'POST' &&
        res.statusCode === 200 &&
        new URL(req.url).pathname.endsWith('/git-upload-pack');
      return {
        ...res,
        body: fetchesPack ? checkedBody(bounded, checkPack) : bounded,
      };
    },
  };
}

/**
 * The body in one piece once `check` accepts all of it: nothing of it reaches
 * isomorphic-git before (the body is already bounded, and isomorphic-git buffers the
 * whole pack anyway). A refusal is the error of the first read.
 */
function checkedBody(
  body: AsyncIterableIterator<Uint8Array>,
  check: (whole: Buffer) => Promise<void>,
): AsyncIterableIterator<Uint8Array> {
  let read = false;
  return {
    async next() {
      if (read) return { done: true, value: undefined };
      read = true;
      const chunks: Uint8Array[] = [];
      for (;;) {
        const chunk = await body.next();
        if (chunk.done) break;
        chunks.push(chunk.value);
      }
      const whole = Buffer.concat(chunks);
      chunks.length = 0;
      await check(whole);
      return { done: false, value: whole };
    },
    async return() {
      read = true;
      return (await body.return?.()) ?? { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Reads files and folders of the plain smart-HTTP git servers of
 * `diehard.git.servers` (the lab's, or any `git http-backend`), which no built-in
 * integration covers. URLs are the server's raw form, what `diehard:git:push` outputs
 * and the catalog keeps as an entity's location:
 * `<baseUrl>/<owner>/<name>/raw/<branch>/<path>` by default.
 *
 * - `readUrl`: the file through the raw endpoint (ETag / If-None-Match).
 * - `readTree`: the folder through a shallow fetch of the branch (isomorphic-git)
 *   into a temporary folder, removed before it returns; the etag is the branch's
 *   commit, read first from the ref advertisement, so an unchanged branch costs one
 *   small request.
 * - `search`: a glob over the branch's files.
 *
 * Credentials come from config only, as a Basic header; errors and logs never carry
 * them, nor the server's working directory.
 *
 * Reads are bounded ({@link DiehardGitReadLimits}): a readTree's filter is asked,
 * with each file's size, before the file is read, and what it keeps counts against
 * the bound; the fetched pack is checked (what it inflates to, object by object and
 * in all, and how many objects it holds) before isomorphic-git unpacks it; an
 * aborted signal ends any read with its reason.
 *
 * @public
 */
export class DiehardGitUrlReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, logger, treeResponseFactory }) => {
    const workDir =
      config.getOptionalString('backend.workingDirectory') ?? os.tmpdir();
    return readGitServers(config).flatMap(server => {
      if (!supportsRawUrl(server)) {
        logger.warn(
          `diehard.git.servers: no reader for ${server.baseUrl}: its rawUrl ${server.rawUrl} must name {repo} and end with {branch}/{path}`,
        );
        return [];
      }
      const reader = new DiehardGitUrlReader(server, {
        treeResponseFactory,
        logger,
        workDir,
      });
      return [{ reader, predicate: (url: URL) => isUnder(server, url) }];
    });
  };

  constructor(
    private readonly server: GitServer,
    private readonly deps: {
      treeResponseFactory: ReadTreeResponseFactory;
      logger: LoggerService;
      workDir?: string;
      limits?: Partial<DiehardGitReadLimits>;
    },
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
  }

  private readonly limits: DiehardGitReadLimits;

  async read(url: string): Promise<Buffer> {
    return (await this.readUrl(url)).buffer();
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const parsed = parseGitUrl(this.server, url);
    const signal = options?.signal;
    signal?.throwIfAborted();
    const headers: Record<string, string> = {
      Authorization: basicAuth(this.server),
    };
    if (options?.etag) headers['If-None-Match'] = options.etag;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw this.unreachable(e);
    }
    if (res.status === 304) {
      await res.body?.cancel();
      throw new NotModifiedError();
    }
    if (!res.ok) {
      const text = (await res.text().catch(() => '')).trim().slice(0, 200);
      throw this.httpError(
        res.status,
        `${url}${text ? ` (${text})` : ''}`,
        parsed.repoUrl,
      );
    }
    const body = await this.boundedBody(res, url, parsed.repoUrl, signal);
    const lastModified = res.headers.get('last-modified');
    return {
      buffer: async () => body,
      stream: () => Readable.from(body),
      etag: res.headers.get('etag') ?? undefined,
      lastModifiedAt: lastModified ? new Date(lastModified) : undefined,
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const location = await this.locate(url, options?.signal);
    if (options?.etag && options.etag === location.commit) {
      throw new NotModifiedError();
    }
    const { commit, files } = await this.fetchFolder(
      location,
      options?.filter,
      options?.signal,
    );
    const inner = await this.deps.treeResponseFactory.fromReadableArray(
      files.map(f => ({ path: f.path, data: Readable.from(f.content) })),
    );
    return {
      etag: commit,
      files: () => inner.files(),
      archive: () => inner.archive(),
      dir: o => inner.dir(o),
    };
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const location = await this.locate(url, options?.signal);
    if (!/[*?[\]{}]/.test(location.path)) {
      try {
        const file = await this.readUrl(rawUrlOf(location, location.path), {
          signal: options?.signal,
        });
        return {
          files: [
            { url, content: file.buffer, lastModifiedAt: file.lastModifiedAt },
          ],
          etag: location.commit,
        };
      } catch (e) {
        if (isError(e) && e.name === 'NotFoundError') {
          return { files: [], etag: location.commit };
        }
        throw e;
      }
    }
    if (options?.etag && options.etag === location.commit) {
      throw new NotModifiedError();
    }
    const matcher = new Minimatch(location.path, { dot: true });
    const { commit, files } = await this.fetchFolder(
      { ...location, path: '' },
      p => matcher.match(p),
      options?.signal,
    );
    const at = { ...location, commit };
    return {
      files: files.map(f => ({
        url: rawUrlOf(at, f.path),
        content: async () => f.content,
      })),
      etag: commit,
    };
  }

  toString() {
    return `diehard-git{baseUrl=${this.server.baseUrl},user=${this.server.username}}`;
  }

  /** The URL's branch, commit and path, from one ref advertisement. */
  private async locate(
    url: string,
    signal?: AbortSignal,
  ): Promise<GitLocation> {
    const parsed = parseGitUrl(this.server, url);
    signal?.throwIfAborted();
    let branches: Map<string, string>;
    try {
      branches = await advertisedBranches(this.server, parsed.repoUrl, signal);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw e;
    }
    return resolveBranch(parsed, branches);
  }

  /**
   * The files below `location.path` on its branch, paths relative to it: a depth-1
   * fetch of that one branch into a temporary bare repository, read from the
   * objects (no checkout), then removed. Each file's size comes from its object's
   * header, so the filter decides before its content is read.
   */
  private async fetchFolder(
    location: GitLocation,
    filter?: (path: string, info?: { size: number }) => boolean,
    signal?: AbortSignal,
  ): Promise<{
    commit: string;
    files: Array<{ path: string; content: Buffer }>;
  }> {
    signal?.throwIfAborted();
    let gitdir: string;
    try {
      gitdir = await fsp.mkdtemp(
        path.join(this.workDir(), 'diehard-git-read-'),
      );
    } catch (e) {
      throw this.withoutPaths(e, location);
    }
    const work = this.fetchAndRead(gitdir, location, filter, signal);
    // Once aborted, the read answers at once; the folder goes when the work ends.
    const removed = work
      .then(
        () => {},
        () => {},
      )
      .then(() => fsp.rm(gitdir, { recursive: true, force: true }))
      .catch(e =>
        this.deps.logger.warn('could not remove a temporary git repository', {
          error: isError(e) ? e.message : String(e),
        }),
      );
    try {
      return await abortable(work, signal);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw this.withoutPaths(e, location, gitdir);
    } finally {
      if (!signal?.aborted) await removed;
    }
  }

  private async fetchAndRead(
    gitdir: string,
    location: GitLocation,
    filter: ((path: string, info?: { size: number }) => boolean) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{
    commit: string;
    files: Array<{ path: string; content: Buffer }>;
  }> {
    const cache = {};
    await git.init({ fs, dir: gitdir, bare: true });
    await git.addRemote({
      fs,
      gitdir,
      remote: 'origin',
      url: location.repoUrl,
    });
    let commit: string;
    let checked: { summary: PackSummary; ms: number } | undefined;
    try {
      const { maxFetchBytes } = this.limits;
      const fetched = await git.fetch({
        fs,
        http: boundedHttp(
          maxFetchBytes,
          () =>
            new InputError(
              `branch "${location.branch}" of ${
                location.repoUrl
              } is larger than ${shownBytes(
                maxFetchBytes,
              )} to download, the most the git reader fetches`,
            ),
          async response => {
            const started = performance.now();
            const summary = await this.checkPack(response, location, signal);
            checked = { summary, ms: Math.round(performance.now() - started) };
          },
          signal,
        ),
        gitdir,
        cache,
        remote: 'origin',
        ref: location.branch,
        singleBranch: true,
        depth: 1,
        tags: false,
        headers: {
          Authorization: basicAuth(this.server),
          'User-Agent': 'git/diehard',
        },
      });
      commit = fetched.fetchHead ?? location.commit;
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw this.fetchError(e, location, gitdir);
    }
    signal?.throwIfAborted();

    let root: string;
    try {
      root = (
        await git.readTree({
          fs,
          gitdir,
          cache,
          oid: commit,
          filepath: location.path || undefined,
        })
      ).oid;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'NotFoundError') {
        throw new NotFoundError(
          `no folder "${location.path}" on branch "${location.branch}" of ${location.repoUrl}`,
        );
      }
      if (code === 'ObjectTypeError') {
        throw new InputError(
          `"${location.path}" on branch "${location.branch}" of ${location.repoUrl} is a file, not a folder`,
        );
      }
      throw e;
    }

    const { maxTreeBytes } = this.limits;
    const files: Array<{ path: string; content: Buffer }> = [];
    let total = 0;
    const sizes = await ObjectSizes.open(gitdir);
    const walk = async (oid: string, prefix: string) => {
      signal?.throwIfAborted();
      const { tree } = await git.readTree({ fs, gitdir, cache, oid });
      for (const entry of tree) {
        const rel = prefix ? `${prefix}/${entry.path}` : entry.path;
        if (entry.type === 'tree') {
          await walk(entry.oid, rel);
        } else if (entry.type === 'blob' && entry.mode !== '120000') {
          const size = await sizes.sizeOf(entry.oid);
          if (filter && !filter(rel, { size })) continue;
          // The filter may have spent the caller's budget.
          signal?.throwIfAborted();
          total += size;
          if (total > maxTreeBytes) {
            throw new InputError(
              `the folder "${location.path}" on branch "${
                location.branch
              }" of ${location.repoUrl} holds more than ${shownBytes(
                maxTreeBytes,
              )} of files to read, the most the git reader reads at once`,
            );
          }
          const { blob } = await git.readBlob({
            fs,
            gitdir,
            cache,
            oid: entry.oid,
          });
          files.push({ path: rel, content: Buffer.from(blob) });
        }
      }
    };
    try {
      await walk(root, '');
    } finally {
      await sizes.close();
    }
    this.deps.logger.debug('read git tree', {
      repository: location.repoUrl,
      branch: location.branch,
      path: location.path,
      commit,
      files: files.length,
      packObjects: checked?.summary.objects,
      packUnpackedBytes: checked?.summary.unpackedBytes,
      packCheckMs: checked?.ms,
    });
    return { commit, files };
  }

  /**
   * Checks the answer of the fetch before isomorphic-git unpacks its pack: a bound
   * crossed is an InputError naming the repository, the branch and the bound.
   */
  private async checkPack(
    response: Buffer,
    location: GitLocation,
    signal?: AbortSignal,
  ): Promise<PackSummary> {
    const bounds: PackBounds = this.limits;
    const branch = `branch "${location.branch}" of ${location.repoUrl}`;
    try {
      return await checkUploadPackResponse(response, bounds, signal);
    } catch (e) {
      if (e instanceof PackTooLarge) {
        const { maxObjectBytes, maxUnpackedBytes, maxObjects } = bounds;
        if (e.bound === 'maxObjectBytes') {
          throw new InputError(
            `${branch} holds an object larger than ${shownBytes(
              maxObjectBytes,
            )} once unpacked, the most the git reader unpacks in one object`,
          );
        }
        if (e.bound === 'maxUnpackedBytes') {
          throw new InputError(
            `${branch} is larger than ${shownBytes(
              maxUnpackedBytes,
            )} once unpacked, the most the git reader unpacks in one fetch`,
          );
        }
        throw new InputError(
          `${branch} holds more than ${maxObjects} objects, the most the git reader unpacks in one fetch`,
        );
      }
      if (e instanceof ServerFailed) {
        throw new ServiceUnavailableError(
          `fetching ${branch} failed: the git server answered "${maskSecrets(
            e.message.slice(0, 200),
            [this.server],
          )}"`,
        );
      }
      if (e instanceof MalformedPack) {
        throw new ServiceUnavailableError(
          `fetching ${branch} failed: the git server sent a malformed pack (${e.message})`,
        );
      }
      throw e;
    }
  }

  /** A response's body, up to the bound of one file. */
  private async boundedBody(
    res: Response,
    url: string,
    repoUrl: string,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    const max = this.limits.maxUrlBytes;
    const tooLarge = () =>
      new InputError(
        `${url} of ${repoUrl} is larger than ${shownBytes(
          max,
        )}, the most the git reader reads in one file`,
      );
    if (Number(res.headers.get('content-length')) > max) {
      await res.body?.cancel();
      throw tooLarge();
    }
    if (!res.body) return Buffer.alloc(0);
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > max) {
          await reader.cancel();
          throw tooLarge();
        }
        chunks.push(value);
      }
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (isError(e) && e.name === 'InputError') throw e;
      throw this.unreachable(e);
    }
    return Buffer.concat(chunks);
  }

  private workDir() {
    return this.deps.workDir ?? os.tmpdir();
  }

  /**
   * The error without the server's working directory in it: errors of ours pass,
   * others (isomorphic-git's, the file system's) become a ServiceUnavailableError
   * whose message hides the paths.
   */
  private withoutPaths(
    e: unknown,
    location: GitLocation,
    gitdir?: string,
  ): Error {
    if (e instanceof CustomErrorBase) return e;
    return new ServiceUnavailableError(
      `reading branch "${location.branch}" of ${
        location.repoUrl
      } failed: ${this.hidePaths(isError(e) ? e.message : String(e), gitdir)}`,
    );
  }

  private hidePaths(message: string, gitdir?: string) {
    let shown = message;
    if (gitdir) shown = shown.split(gitdir).join('<temporary repository>');
    return shown.split(this.workDir()).join('<working directory>');
  }

  private fetchError(e: unknown, location: GitLocation, gitdir: string): Error {
    if (e instanceof CustomErrorBase) return e;
    const data = (e as { data?: { statusCode?: number } }).data;
    if (data?.statusCode) {
      return this.httpError(
        data.statusCode,
        location.repoUrl,
        location.repoUrl,
      );
    }
    const message = this.hidePaths(
      maskSecrets(isError(e) ? e.message : String(e), [this.server]),
      gitdir,
    );
    return new ServiceUnavailableError(
      `fetching branch "${location.branch}" of ${location.repoUrl} failed: ${message}`,
    );
  }

  private httpError(status: number, what: string, repoUrl: string): Error {
    if (status === 404) return new NotFoundError(`${what} not found`);
    if (status === 401) {
      return new AuthenticationError(
        `git server ${this.server.baseUrl} refused the credentials of user "${this.server.username}" configured in diehard.git.servers`,
      );
    }
    if (status === 403) {
      return new NotAllowedError(
        `git server ${this.server.baseUrl}: user "${this.server.username}" may not read ${repoUrl}`,
      );
    }
    return new ServiceUnavailableError(
      `git server ${this.server.baseUrl} answered ${status} for ${maskSecrets(
        what,
        [this.server],
      )}`,
    );
  }

  private unreachable(e: unknown) {
    const cause = (e as { cause?: NodeJS.ErrnoException }).cause;
    return new ServiceUnavailableError(
      `git server ${this.server.baseUrl} could not be reached (${
        cause?.code ?? (isError(e) ? e.name : 'error')
      })`,
    );
  }
}
