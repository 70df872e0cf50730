import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

interface LabGit {
  url: string;
  username: string;
  password: string;
  projectRoot: string;
}

function gitCli(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: 'Posture Test',
          GIT_AUTHOR_EMAIL: 'posture@example.com',
          GIT_COMMITTER_NAME: 'Posture Test',
          GIT_COMMITTER_EMAIL: 'posture@example.com',
        },
      },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`git ${args[0]} failed: ${stderr}`))
          : resolve(stdout),
    );
  });
}

/**
 * Publishes `files` (path → content) as the `main` branch of `<owner>/<name>` on the
 * lab's git server with the real git CLI, as `diehard:git:push` would; update()
 * pushes a commit changing files on top, remove() deletes the repository's owner
 * folder.
 */
export async function pushLabRepo(
  git: LabGit,
  repo: { owner: string; name: string },
  files: Record<string, string>,
) {
  const work = await fsp.mkdtemp(
    path.join(os.tmpdir(), 'diehard-posture-git-'),
  );
  const remote = new URL(`${git.url}/${repo.owner}/${repo.name}.git`);
  remote.username = git.username;
  remote.password = git.password;
  const commit = async (changed: Record<string, string>, message: string) => {
    for (const [file, content] of Object.entries(changed)) {
      await fsp.mkdir(path.dirname(path.join(work, file)), { recursive: true });
      await fsp.writeFile(path.join(work, file), content);
    }
    await gitCli(['add', '-A'], work);
    await gitCli(['commit', '-q', '-m', message], work);
    await gitCli(['push', '-q', remote.toString(), 'main'], work);
  };
  await gitCli(['init', '-q', '-b', 'main'], work);
  await commit(files, 'Initial commit');
  return {
    update: (changed: Record<string, string>) => commit(changed, 'Update'),
    remove: async () => {
      await fsp.rm(work, { recursive: true, force: true });
      await fsp.rm(path.join(git.projectRoot, repo.owner), {
        recursive: true,
        force: true,
      });
    },
  };
}
