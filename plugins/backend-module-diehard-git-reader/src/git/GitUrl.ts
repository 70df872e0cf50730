import { InputError, NotFoundError } from '@backstage/errors';
import type { GitServer } from '@diehard/plugin-git-servers-node';

/** One path segment of a repository address: an owner (folder) or a name. */
const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]*';

/** A URL under a configured server, in its raw form, before its branch is known. */
export interface GitUrl {
  server: GitServer;
  /** owner/name */
  repo: string;
  /** What git clients fetch: `<baseUrl>/<owner>/<name>.git` (no credentials). */
  repoUrl: string;
  /** `<branch>/<path>`, decoded: a branch may contain slashes, so not split yet. */
  branchAndPath: string;
}

/** A GitUrl whose branch is resolved against the server's branches. */
export interface GitLocation extends GitUrl {
  branch: string;
  /** The branch's commit when its refs were read. */
  commit: string;
  /** Path in the branch, no leading or trailing slash; '' for its root. */
  path: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the server's rawUrl template can address folders and files: it names the
 * repository and ends with `{branch}/{path}` (the lab's form, GitLab's, Gitea's).
 */
export function supportsRawUrl(server: GitServer) {
  return (
    server.rawUrl.includes('{repo}') &&
    /\{branch\}\/\{path\}$/.test(server.rawUrl)
  );
}

/** The pattern of the server's raw URLs: groups owner, name, branch-and-path. */
function rawPattern(server: GitServer): RegExp {
  const source = server.rawUrl
    .replace(/\{branch\}\/\{path\}$/, '\0rest')
    .split(/(\{baseUrl\}|\{repo\}|\0rest)/)
    .map(part => {
      if (part === '{baseUrl}') return escape(server.baseUrl);
      if (part === '{repo}') return `(${SEGMENT})/(${SEGMENT})`;
      if (part === '\0rest') return '(.*)';
      return escape(part);
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** Whether `url` is under the server's baseUrl (what its reader is asked to read). */
export function isUnder(server: GitServer, url: URL) {
  return `${url.origin}${url.pathname}`.startsWith(`${server.baseUrl}/`);
}

/** `url` in the server's raw form: a file or a folder of a branch. */
export function parseGitUrl(server: GitServer, url: string): GitUrl {
  const u = new URL(url);
  if (u.username || u.password) {
    throw new InputError(
      `${u.origin}${u.pathname} must not carry credentials: they come from diehard.git.servers`,
    );
  }
  const m = rawPattern(server).exec(`${u.origin}${u.pathname}`);
  if (!m || m[2].endsWith('.git')) {
    throw new InputError(
      `${u.origin}${u.pathname} is not a file or folder of a branch on ${
        server.baseUrl
      }: expected ${server.rawUrl.replace('{baseUrl}', server.baseUrl)}`,
    );
  }
  let branchAndPath: string;
  try {
    branchAndPath = decodeURIComponent(m[3]).replace(/(?<!\/)\/+$/, '');
  } catch {
    throw new InputError(`${url} is not a well-formed URL path`);
  }
  if (!branchAndPath) {
    throw new InputError(
      `${u.origin}${
        u.pathname
      } names no branch: expected ${server.rawUrl.replace(
        '{baseUrl}',
        server.baseUrl,
      )}`,
    );
  }
  const repo = `${m[1]}/${m[2]}`;
  return {
    server,
    repo,
    repoUrl: `${server.baseUrl}/${repo}.git`,
    branchAndPath,
  };
}

/**
 * Splits `<branch>/<path>` with the repository's branches: the longest branch that
 * prefixes it wins (as on the lab's server). NotFoundError naming the branch otherwise.
 */
export function resolveBranch(
  url: GitUrl,
  branches: Map<string, string>,
): GitLocation {
  const { branchAndPath } = url;
  const branch = [...branches.keys()]
    .filter(b => branchAndPath === b || branchAndPath.startsWith(`${b}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (!branch) {
    const wanted = branchAndPath.split('/')[0];
    throw new NotFoundError(
      `${url.repoUrl} has no branch "${wanted}" (branches: ${
        [...branches.keys()].sort().join(', ') || 'none'
      })`,
    );
  }
  return {
    ...url,
    branch,
    commit: branches.get(branch)!,
    path: branchAndPath
      .slice(branch.length + 1)
      .replace(/^\/+|(?<!\/)\/+$/g, ''),
  };
}

/** The raw URL of `filePath` on the location's branch. */
export function rawUrlOf(location: GitLocation, filePath: string) {
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  return location.server.rawUrl
    .replace('{baseUrl}', location.server.baseUrl)
    .replace('{repo}', location.repo)
    .replace('{branch}', encode(location.branch))
    .replace('{path}', encode(filePath));
}
