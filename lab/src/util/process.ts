import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { LabError } from './errors';
import { readJson } from './state';

/** A system account a daemon runs as when the lab runs as root (postgres, mysql). */
export interface ServiceUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/**
 * The account `name` when running as root; undefined otherwise (the daemon then runs
 * as the current user). PostgreSQL refuses root; Galera's rsync SST fails as root.
 */
export function serviceUser(name: string): ServiceUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find(l => l.startsWith(`${name}:`));
  if (!line) {
    throw new LabError(
      `the system user "${name}" does not exist: run lab/scripts/install-prereqs.sh`,
    );
  }
  const [, , uid, gid, , home] = line.split(':');
  return { name, uid: Number(uid), gid: Number(gid), home };
}

export async function chownTree(dir: string, user?: ServiceUser) {
  if (user) await run('chown', ['-R', `${user.uid}:${user.gid}`, dir]);
}

export interface RunOptions {
  user?: ServiceUser;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; a non-zero exit throws with the end of its output. */
export function run(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: userEnv(options.env ?? process.env, options.user),
      uid: options.user?.uid,
      gid: options.user?.gid,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', d => (stdout += d));
    child.stderr?.on('data', d => (stderr += d));
    child.on('error', err =>
      reject(
        new LabError(
          `${command} could not be started (${
            (err as NodeJS.ErrnoException).code ?? err.message
          }): ` + `is it installed? run lab/scripts/install-prereqs.sh`,
          { cause: err },
        ),
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const lastLines = `${stderr}\n${stdout}`
        .trim()
        .split('\n')
        .slice(-15)
        .join('\n');
      reject(
        new LabError(
          `${command} ${args.join(' ')} failed (${
            signal ?? `exit ${code}`
          }):\n${lastLines}`,
        ),
      );
    });
    if (child.stdin) {
      child.stdin.on('error', () => {}); // a child that exits early: its exit code says why
      child.stdin.end(options.input);
    }
  });
}

function userEnv(env: NodeJS.ProcessEnv, user?: ServiceUser) {
  return user
    ? { ...env, HOME: user.home, USER: user.name, LOGNAME: user.name }
    : env;
}

export interface DaemonSpec {
  command: string;
  args: string[];
  logFile: string;
  pidFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  user?: ServiceUser;
}

/**
 * Starts a long-running process detached from this one (it outlives a jest worker or
 * the CLI), output appended to `logFile`, its PID written to `pidFile`.
 */
export async function startDaemon(spec: DaemonSpec): Promise<number> {
  const out = fs.openSync(spec.logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: userEnv(spec.env ?? process.env, spec.user),
      uid: spec.user?.uid,
      gid: spec.user?.gid,
      detached: true,
      stdio: ['ignore', out, out],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', err =>
        reject(
          new LabError(
            `${spec.command} could not be started (${
              (err as NodeJS.ErrnoException).code ?? err.message
            }): ` + `run lab/scripts/install-prereqs.sh`,
            { cause: err },
          ),
        ),
      );
    });
    child.unref();
    const pid = child.pid!;
    await fsp.writeFile(spec.pidFile, `${pid}\n`);
    return pid;
  } finally {
    fs.closeSync(out);
  }
}

export async function readPid(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await fsp.readFile(pidFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `pid` is a live (not zombie) process whose command line contains `expect`;
 * the check keeps a recycled PID from being taken for one of ours.
 */
export function isAlive(pid: number | undefined, expect?: string): boolean {
  if (!pid) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) [ZX]/s.test(stat)) return false;
    if (expect) {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.replace(/\0/g, ' ').includes(expect)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Whether `pid` has fully exited. A multi-threaded daemon's main thread can be a zombie
 * while its other threads still hold its sockets: wait for those too.
 */
function hasExited(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (!/^\d+ \(.*\) [ZX]/s.test(stat)) return false;
    return fs.readdirSync(`/proc/${pid}/task`).length <= 1;
  } catch {
    return true;
  }
}

/** Waits until `pid` has fully exited (its ports and files are released). */
export async function waitExited(pid: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!hasExited(pid) && Date.now() < deadline) await sleep(50);
}

export async function isPidFileAlive(pidFile: string, expect?: string) {
  return isAlive(await readPid(pidFile), expect);
}

/**
 * The endpoint a daemon's start wrote to `endpointFile`, while the process its pid file
 * names is still ours (see isAlive) and `healthy` says it answers.
 */
export async function runningEndpoint<E>(
  files: { endpoint: string; pid: string; config: string },
  healthy: (endpoint: E) => Promise<boolean>,
): Promise<E | undefined> {
  const e = await readJson<E>(files.endpoint);
  if (!e || !(await isPidFileAlive(files.pid, files.config))) return undefined;
  return (await healthy(e).catch(() => false)) ? e : undefined;
}

/**
 * Stops the process recorded in `pidFile` (only if it still is ours: see isAlive):
 * `signal`, then SIGKILL to its process group after `timeoutMs`. Removes the pid file.
 */
export async function stopDaemon(
  pidFile: string,
  options: {
    expect?: string;
    signal?: NodeJS.Signals;
    timeoutMs?: number;
  } = {},
): Promise<boolean> {
  const pid = await readPid(pidFile);
  let stopped = false;
  if (pid && isAlive(pid, options.expect)) {
    stopped = true;
    try {
      process.kill(pid, options.signal ?? 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) killGroup(pid);
    await waitExited(pid);
  }
  await fsp.rm(pidFile, { force: true });
  return stopped;
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL'); // the daemon leads its own group (detached)
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** The last `lines` lines of a log file, for error messages. */
export function tail(file: string, lines = 20): string {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}
