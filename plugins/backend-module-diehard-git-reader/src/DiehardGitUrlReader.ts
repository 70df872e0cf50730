import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
 * them.
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
    },
  ) {}

  async read(url: string): Promise<Buffer> {
    return (await this.readUrl(url)).buffer();
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const parsed = parseGitUrl(this.server, url);
    const headers: Record<string, string> = {
      Authorization: basicAuth(this.server),
    };
    if (options?.etag) headers['If-None-Match'] = options.etag;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: options?.signal });
    } catch (e) {
      if (options?.signal?.aborted) throw e;
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
    const body = Buffer.from(await res.arrayBuffer());
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
    const { commit, files } = await this.fetchFolder(location, options?.filter);
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
    const branches = await advertisedBranches(
      this.server,
      parsed.repoUrl,
      signal,
    );
    return resolveBranch(parsed, branches);
  }

  /**
   * The files below `location.path` on its branch, paths relative to it: a depth-1
   * fetch of that one branch into a temporary bare repository, read from the
   * objects (no checkout), then removed.
   */
  private async fetchFolder(
    location: GitLocation,
    filter?: (path: string, info?: { size: number }) => boolean,
  ): Promise<{
    commit: string;
    files: Array<{ path: string; content: Buffer }>;
  }> {
    const workDir = this.deps.workDir ?? os.tmpdir();
    const gitdir = await fsp.mkdtemp(path.join(workDir, 'diehard-git-read-'));
    const cache = {};
    try {
      await git.init({ fs, dir: gitdir, bare: true });
      await git.addRemote({
        fs,
        gitdir,
        remote: 'origin',
        url: location.repoUrl,
      });
      let commit: string;
      try {
        const fetched = await git.fetch({
          fs,
          http,
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
        throw this.fetchError(e, location);
      }

      const files: Array<{ path: string; content: Buffer }> = [];
      const walk = async (oid: string, prefix: string) => {
        const { tree } = await git.readTree({ fs, gitdir, cache, oid });
        for (const entry of tree) {
          const rel = prefix ? `${prefix}/${entry.path}` : entry.path;
          if (entry.type === 'tree') {
            await walk(entry.oid, rel);
          } else if (entry.type === 'blob' && entry.mode !== '120000') {
            const { blob } = await git.readBlob({
              fs,
              gitdir,
              cache,
              oid: entry.oid,
            });
            if (!filter || filter(rel, { size: blob.length })) {
              files.push({ path: rel, content: Buffer.from(blob) });
            }
          }
        }
      };

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
      await walk(root, '');
      this.deps.logger.debug('read git tree', {
        repository: location.repoUrl,
        branch: location.branch,
        path: location.path,
        commit,
        files: files.length,
      });
      return { commit, files };
    } finally {
      await fsp.rm(gitdir, { recursive: true, force: true });
    }
  }

  private fetchError(e: unknown, location: GitLocation): Error {
    const data = (e as { data?: { statusCode?: number } }).data;
    if (data?.statusCode) {
      return this.httpError(
        data.statusCode,
        location.repoUrl,
        location.repoUrl,
      );
    }
    const message = maskSecrets(isError(e) ? e.message : String(e), [
      this.server,
    ]);
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
