import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GitEndpoint } from '.';

/**
 * The environment of a git CLI cut off from the user's and the system's git
 * configuration, that never prompts and commits as the lab.
 */
export function labGitCliEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Diehard Lab',
    GIT_AUTHOR_EMAIL: 'lab@example.com',
    GIT_COMMITTER_NAME: 'Diehard Lab',
    GIT_COMMITTER_EMAIL: 'lab@example.com',
  };
}

/** The git CLI, cut off from the user's and the system's git configuration. */
export function labGitCli(args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: labGitCliEnv() },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`git ${args[0]} failed: ${stderr}`))
          : resolve(stdout),
    );
  });
}

/**
 * A repository of the lab's git server for a test, as a developer would push it with
 * the real git CLI: under an owner no other run uses unless one is given; `push`
 * commits files (path → content) on a branch and pushes it, returning the commit id;
 * `remove` deletes the owner's repositories and the local clone.
 */
export async function labGitRepo(
  git: GitEndpoint,
  options: { owner?: string; name?: string } = {},
) {
  const owner =
    options.owner ?? `test-${crypto.randomBytes(4).toString('hex')}`;
  const repo = `${owner}/${options.name ?? 'svc'}`;
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-repo-'));
  const remote = new URL(`${git.url}/${repo}.git`);
  remote.username = git.username;
  remote.password = git.password;
  let initialized = false;

  return {
    owner,
    /** `<owner>/<name>` */
    repo,
    async push(files: Record<string, string>, branch = 'main') {
      if (!initialized) {
        await labGitCli(['init', '-q', '-b', branch], work);
        initialized = true;
      } else {
        await labGitCli(['checkout', '-q', '-B', branch], work);
      }
      for (const [file, content] of Object.entries(files)) {
        await fsp.mkdir(path.dirname(path.join(work, file)), {
          recursive: true,
        });
        await fsp.writeFile(path.join(work, file), content);
      }
      await labGitCli(['add', '-A'], work);
      await labGitCli(['commit', '-q', '-m', `update ${branch}`], work);
      await labGitCli(['push', '-q', remote.toString(), branch], work);
      return (await labGitCli(['rev-parse', 'HEAD'], work)).trim();
    },
    async remove() {
      await fsp.rm(work, { recursive: true, force: true });
      await fsp.rm(path.join(git.projectRoot, owner), {
        recursive: true,
        force: true,
      });
    },
  };
}

/** Clones `<owner>/<name>` of the lab's git server into `dir` (the test's own credentials). */
export function cloneLabRepo(git: GitEndpoint, repo: string, dir: string) {
  const url = new URL(`${git.url}/${repo}.git`);
  url.username = git.username;
  url.password = git.password;
  return labGitCli(['clone', '--quiet', url.toString(), dir]);
}
