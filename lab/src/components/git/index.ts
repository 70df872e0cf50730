import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { LAB_HOST, LAB_PORTS } from '../../ports';
import { isAlive, run, runningEndpoint, startDaemon } from '../../util/process';
import { ensurePassword, writeJson } from '../../util/state';
import { waitFor } from '../../util/wait';
import { oneDaemon } from '../daemon';
import type { LabComponent } from '../types';
import type { GitServerConfig } from './server';

export interface GitEndpoint {
  /** http://127.0.0.1:18180: repositories are <url>/<owner>/<name>.git */
  url: string;
  /** "127.0.0.1:18180", for backend.reading.allow */
  host: string;
  username: string;
  password: string;
  /** The bare repositories on disk: <projectRoot>/<owner>/<name>.git */
  projectRoot: string;
}

const USERNAME = 'diehard';

const files = (dir: string) => ({
  config: path.join(dir, 'config.json'),
  password: path.join(dir, 'password'),
  repos: path.join(dir, 'repos'),
  pid: path.join(dir, 'git.pid'),
  log: path.join(dir, 'git.log'),
  endpoint: path.join(dir, 'endpoint.json'),
});

function status(url: string, authorization?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        timeout: 2000,
        headers: authorization ? { Authorization: authorization } : {},
      },
      res => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
  });
}

/** The server answers / with 401 to an anonymous client and 200 to ours. */
async function healthy(e: GitEndpoint) {
  if ((await status(`${e.url}/`)) !== 401) return false;
  const auth = Buffer.from(`${e.username}:${e.password}`).toString('base64');
  return (await status(`${e.url}/`, `Basic ${auth}`)) === 200;
}

export const gitComponent: LabComponent<GitEndpoint> = {
  name: 'git',

  async probe(ctx) {
    return runningEndpoint(files(ctx.dir), healthy);
  },

  async start(ctx) {
    const f = files(ctx.dir);
    const host = LAB_HOST;
    const port = LAB_PORTS.git;
    // Debian's git: the server runs `git http-backend` per request.
    await run('git', ['--version']);
    const password = await ensurePassword(f.password);
    await fsp.mkdir(f.repos, { recursive: true });
    const config: GitServerConfig = {
      host,
      port,
      projectRoot: f.repos,
      username: USERNAME,
      passwordFile: f.password,
    };
    await writeJson(f.config, config);

    ctx.report(`git: starting on http://${host}:${port}`);
    const pid = await startDaemon({
      command: process.execPath,
      args: [
        path.join(ctx.paths.labDir, 'src/components/git/daemon.cjs'),
        f.config,
      ],
      cwd: ctx.dir,
      logFile: f.log,
      pidFile: f.pid,
    });
    const endpoint: GitEndpoint = {
      url: `http://${host}:${port}`,
      host: `${host}:${port}`,
      username: USERNAME,
      password,
      projectRoot: f.repos,
    };
    await waitFor(
      `git server on ${endpoint.url}`,
      async () => ((await healthy(endpoint)) ? true : undefined),
      { timeoutMs: 30_000, alive: () => isAlive(pid), logFile: f.log },
    );
    return endpoint;
  },

  ...oneDaemon('git-server', dir => ({
    pid: files(dir).pid,
    marker: files(dir).config,
  })),
};
