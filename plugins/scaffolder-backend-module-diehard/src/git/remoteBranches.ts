import { isError } from '@backstage/errors';
import { advertisedBranches } from '@diehard/plugin-git-servers-node';
import type { GitRemote } from '../config/gitServers';

/**
 * The branches of the repository `diehard:git:push` is about to publish to, and
 * their commits; a repository that does not exist yet has none. Errors name the
 * repository URL, never a credential, and say that nothing was pushed.
 */
export async function remoteBranches(
  remote: GitRemote,
): Promise<Map<string, string>> {
  try {
    return await advertisedBranches(remote.server, remote.url);
  } catch (e) {
    if (isError(e) && e.name === 'NotFoundError') return new Map();
    if (isError(e)) e.message = `${e.message}; nothing was pushed`;
    throw e;
  }
}
