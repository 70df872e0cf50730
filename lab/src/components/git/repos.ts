import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** One path segment of a repository address: an owner (folder) or a name. */
const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';
/** `/<owner>/<name>.git/<git path>`: what git's smart-HTTP clients ask for. */
export const GIT_PATH = new RegExp(`^/(${SEGMENT})/(${SEGMENT})\\.git(/.*)$`);
/** `/<owner>/<name>/raw/<branch>/<file path>`: a file of a branch, read-only. */
export const RAW_PATH = new RegExp(
  `^/(${SEGMENT})/(${SEGMENT})/raw/([\\s\\S]+)$`,
);
/** `/<owner>/<name>` or `/<owner>/<name>.git`: a repository's page in a browser. */
export const REPO_PAGE_PATH = new RegExp(`^/(${SEGMENT})/(${SEGMENT})/?$`);

export interface RepoRef {
  owner: string;
  name: string;
}

/** The bare repository of owner/name under the project root (names are checked by the patterns above). */
export function repoDir(projectRoot: string, repo: RepoRef) {
  return path.join(projectRoot, repo.owner, `${repo.name}.git`);
}

/** Runs git with a fixed, minimal environment; resolves with its stdout. */
export function git(args: string[], gitDir?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      gitDir ? ['--git-dir', gitDir, ...args] : args,
      {
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
        env: gitEnv(),
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args.join(' ')} failed: ${stderr.toString().trim()}`,
            ),
          );
        } else resolve(stdout);
      },
    );
  });
}

/** The environment of every git process the server runs: no system or user config. */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LANG: 'C',
    ...extra,
  };
}

export async function repoExists(dir: string) {
  return fsp.stat(path.join(dir, 'HEAD')).then(
    () => true,
    () => false,
  );
}

/**
 * Creates the bare repository on its first push. Real git servers create repositories
 * through their API before anyone pushes; this lab server does it when an
 * authenticated client starts a push to a repository that does not exist yet.
 * History can only grow: a push that is not a fast-forward, or deletes a branch, is
 * refused by git itself.
 */
export async function ensureRepo(dir: string) {
  if (await repoExists(dir)) return;
  await fsp.mkdir(path.dirname(dir), { recursive: true });
  await git(['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  for (const [key, value] of [
    ['http.receivepack', 'true'],
    ['receive.denyNonFastForwards', 'true'],
    ['receive.denyDeletes', 'true'],
  ]) {
    await git(['config', key, value], dir);
  }
}

export async function branches(dir: string): Promise<string[]> {
  const out = await git(
    ['for-each-ref', '--format=%(refname:lstrip=2)', 'refs/heads/'],
    dir,
  );
  return out.toString().split('\n').filter(Boolean);
}

/**
 * After a push: HEAD (what a clone checks out) names `main` from `git init`; when the
 * repository has no such branch, point it at the branch that was pushed.
 */
export async function fixHead(dir: string) {
  const all = await branches(dir);
  const head = (await git(['symbolic-ref', '--short', 'HEAD'], dir))
    .toString()
    .trim();
  if (all.length > 0 && !all.includes(head)) {
    await git(['symbolic-ref', 'HEAD', `refs/heads/${all[0]}`], dir);
  }
}
