import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

const backendDir = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(backendDir, '../..');

export interface StartBackendOptions {
  /** Config files relative to the repository root, lowest priority first. */
  configFiles: string[];
  /** Config written to a temporary file and given last, so it wins. */
  overrides?: Record<string, unknown>;
  /** Extra environment, e.g. the values that app-config.production.yaml substitutes. */
  env?: Record<string, string>;
  port: number;
  /** How long to wait for the readiness endpoint. */
  readyTimeoutMs?: number;
}

/** The backend's database as SQLite files in `directory`: kept across restarts. */
export function sqliteIn(directory: string) {
  return { client: 'better-sqlite3', connection: { directory } };
}

export interface BackendProcess {
  baseUrl: string;
  /** The process id, for a test that kills it (SIGKILL) as a lost machine would. */
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs packages/backend from source as its own process, the way `backstage-cli
 * package start` does but without the file watcher, and resolves once it is ready.
 * The backend serves the built frontend from packages/app/dist when it exists.
 */
export async function startBackendProcess(
  options: StartBackendOptions,
): Promise<BackendProcess> {
  const baseUrl = `http://localhost:${options.port}`;
  // Two files rather than one merged object: config files merge deeply, spreads don't.
  const overrideDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'diehard-backend-'),
  );
  const writeConfig = (name: string, config: Record<string, unknown>) => {
    const file = path.join(overrideDir, name);
    fs.writeFileSync(file, stringify(config));
    return file;
  };
  const configArgs = [
    ...options.configFiles.map(file => path.resolve(repoRoot, file)),
    writeConfig('app-config.address.yaml', {
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port: options.port },
        cors: { origin: baseUrl },
      },
    }),
    writeConfig('app-config.test.yaml', options.overrides ?? {}),
  ].flatMap(file => ['--config', file]);

  let output = '';
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      ...configArgs,
    ],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));

  const handle: BackendProcess = {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    stop: () => stopProcess(child),
  };
  try {
    await waitUntilReady(
      child,
      () => output,
      baseUrl,
      options.readyTimeoutMs ?? 120_000,
    );
  } catch (error) {
    await handle.stop();
    throw new Error(
      `backend on port ${options.port} did not become ready: ${
        (error as Error).message
      }\n--- backend output (last 40 lines) ---\n${output
        .split('\n')
        .slice(-40)
        .join('\n')}`,
    );
  }
  return handle;
}

async function waitUntilReady(
  child: ChildProcess,
  output: () => string,
  baseUrl: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let lastAnswer = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the process exited with code ${child.exitCode}`);
    }
    if (/Backend startup failed|Unhandled rejection/.test(output())) {
      throw new Error('startup failed');
    }
    try {
      const response = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (response.ok) return;
      lastAnswer = `HTTP ${response.status}`;
    } catch (error) {
      lastAnswer = String((error as Error).cause ?? error);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(
    `not ready at ${baseUrl} within ${timeoutMs} ms (last answer: ${lastAnswer})`,
  );
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
