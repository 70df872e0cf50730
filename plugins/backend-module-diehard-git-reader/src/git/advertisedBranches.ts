import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { basicAuth, GitServer } from '../config/GitServers';

/**
 * The branches of a repository and their commits, from git's smart-HTTP ref
 * advertisement (`GET <repo>.git/info/refs?service=git-upload-pack`), with the
 * server's configured credentials: one small request, enough to answer "not
 * modified" without fetching anything. Errors name the repository and the user,
 * never a credential.
 */
export async function advertisedBranches(
  server: GitServer,
  repoUrl: string,
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const timeout = AbortSignal.timeout(30_000);
  let res: Response;
  try {
    res = await fetch(`${repoUrl}/info/refs?service=git-upload-pack`, {
      headers: {
        Authorization: basicAuth(server),
        'User-Agent': 'git/diehard',
      },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    const cause = (e as { cause?: NodeJS.ErrnoException }).cause;
    throw new ServiceUnavailableError(
      `git server ${server.baseUrl} could not be reached (${
        cause?.code ?? (e as Error).name
      })`,
    );
  }
  if (res.status === 404) {
    await res.body?.cancel();
    throw new NotFoundError(`repository ${repoUrl} not found`);
  }
  if (res.status === 401) {
    await res.body?.cancel();
    throw new AuthenticationError(
      `git server ${server.baseUrl} refused the credentials of user "${server.username}" configured in diehard.git.servers`,
    );
  }
  if (res.status === 403) {
    await res.body?.cancel();
    throw new NotAllowedError(
      `git server ${server.baseUrl}: user "${server.username}" may not read ${repoUrl}`,
    );
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new ServiceUnavailableError(
      `git server ${server.baseUrl} answered ${res.status} for ${repoUrl}`,
    );
  }
  return parseAdvertisement(Buffer.from(await res.arrayBuffer()));
}

/** `<id> refs/heads/<branch>` pkt-lines → branch → commit id. */
export function parseAdvertisement(body: Buffer): Map<string, string> {
  const branches = new Map<string, string>();
  let offset = 0;
  while (offset + 4 <= body.length) {
    const length = Number.parseInt(
      body.subarray(offset, offset + 4).toString(),
      16,
    );
    if (Number.isNaN(length)) break;
    if (length === 0) {
      offset += 4; // flush-pkt
      continue;
    }
    const line = body
      .subarray(offset + 4, offset + length)
      .toString('utf8')
      .replace(/\n$/, '')
      .split('\0')[0];
    offset += length;
    const m = /^([0-9a-f]{40,64}) refs\/heads\/(.+)$/.exec(line);
    if (m) branches.set(m[2], m[1]);
  }
  return branches;
}
