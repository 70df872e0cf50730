import {
  AuthenticationError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import type { GitRemote } from '../config/gitServers';

/**
 * The branches of a remote repository and their commits, from git's smart-HTTP ref
 * advertisement (isomorphic-git's `listServerRefs`), with the server's configured
 * credentials. A repository that does not exist yet (404) has none. Errors name the
 * repository URL, never a credential.
 */
export async function remoteBranches(
  remote: GitRemote,
  timeoutMs = 30_000,
): Promise<Map<string, string>> {
  const { baseUrl, username, password } = remote.server;
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  let timer: NodeJS.Timeout | undefined;
  let refs: Array<{ ref: string; oid: string }>;
  try {
    refs = await Promise.race([
      git.listServerRefs({
        http,
        url: remote.url,
        headers: { Authorization: `Basic ${auth}` },
        prefix: 'refs/heads/',
      }),
      // isomorphic-git's HTTP client has no timeout: give up waiting instead.
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
  } catch (e) {
    const status =
      (e as { code?: string }).code === 'HttpError'
        ? (e as { data: { statusCode?: number } }).data.statusCode
        : undefined;
    if (status === 404) return new Map();
    if (status === 401) {
      throw new AuthenticationError(
        `git server ${baseUrl} refused the credentials of user "${username}" configured in diehard.git.servers; nothing was pushed`,
      );
    }
    if (status === 403) {
      throw new NotAllowedError(
        `git server ${baseUrl}: user "${username}" may not read ${remote.url}; nothing was pushed`,
      );
    }
    throw new ServiceUnavailableError(
      status
        ? `git server ${baseUrl} answered ${status} for ${remote.url}; nothing was pushed`
        : `git server ${baseUrl} could not be reached (${
            (e as NodeJS.ErrnoException).code ?? (e as Error).message
          }); nothing was pushed`,
    );
  } finally {
    clearTimeout(timer);
  }
  return new Map(
    refs.map(({ ref, oid }) => [ref.slice('refs/heads/'.length), oid]),
  );
}
