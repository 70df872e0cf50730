import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { basicAuth, GitServer } from './gitServers';

const TIMEOUT_MS = 30_000;

/**
 * The branches of a repository and their commits, from git's smart-HTTP ref
 * advertisement (isomorphic-git's `listServerRefs`), with the server's configured
 * credentials: one small request, enough to answer "not modified" without fetching
 * anything. Errors name the repository and the user, never a credential.
 *
 * @public
 */
export async function advertisedBranches(
  server: GitServer,
  repoUrl: string,
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  let refs: Array<{ ref: string; oid: string }>;
  try {
    refs = await withDeadline(
      git.listServerRefs({
        http,
        url: repoUrl,
        headers: { Authorization: basicAuth(server) },
        prefix: 'refs/heads/',
      }),
      signal,
    );
  } catch (e) {
    if (signal?.aborted) throw e;
    throw explain(server, repoUrl, e);
  }
  return new Map(
    refs.map(({ ref, oid }) => [ref.slice('refs/heads/'.length), oid]),
  );
}

function explain(server: GitServer, repoUrl: string, e: unknown): Error {
  const status =
    (e as { code?: string; data?: { statusCode?: number } }).code ===
    'HttpError'
      ? (e as { data: { statusCode?: number } }).data.statusCode
      : undefined;
  switch (status) {
    case undefined:
      return new ServiceUnavailableError(
        `git server ${server.baseUrl} could not be reached (${
          (e as NodeJS.ErrnoException).code ?? (e as Error).message
        })`,
      );
    case 404:
      return new NotFoundError(`repository ${repoUrl} not found`);
    case 401:
      return new AuthenticationError(
        `git server ${server.baseUrl} refused the credentials of user "${server.username}" configured in diehard.git.servers`,
      );
    case 403:
      return new NotAllowedError(
        `git server ${server.baseUrl}: user "${server.username}" may not read ${repoUrl}`,
      );
    default:
      return new ServiceUnavailableError(
        `git server ${server.baseUrl} answered ${status} for ${repoUrl}`,
      );
  }
}

/** isomorphic-git's HTTP client has no timeout nor abort: give up waiting instead. */
function withDeadline<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)),
      TIMEOUT_MS,
    );
    const abort = () => reject(signal!.reason);
    signal?.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    });
  });
}
