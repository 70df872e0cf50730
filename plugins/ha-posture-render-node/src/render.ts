import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  RenderKind,
  RenderRoot,
  isInsideRendered,
} from '@diehard/plugin-ha-posture-common/engine';
import { RENDER_DEFAULTS, RenderTools, findTool } from './renderTools';

/**
 * A file of the folder read: its path relative to that folder, and its bytes.
 *
 * @public
 */
export interface RenderFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Values given to every chart rendered (the CLI's --values and --set).
 *
 * @public
 */
export interface HelmValues {
  /** Absolute paths of values files, in order. */
  files?: string[];
  /** `key=value`, in order, as helm's --set reads them. */
  set?: string[];
}

/**
 * One root rendered: its manifests, or why there are none.
 *
 * @public
 */
export type RenderResult =
  | { root: RenderRoot; manifests: string }
  | {
      root: RenderRoot;
      error: string;
      /** The tool is not installed: the reader's setup, not the input, is at fault. */
      missingTool?: boolean;
    };

interface Job {
  root: RenderRoot;
  tool: string;
  command: string;
  args: string[];
}

interface Workspace {
  /** The folder the files were written to: it is removed after the renders. */
  dir: string;
  env: NodeJS.ProcessEnv;
  jobs: Array<Job | RenderResult>;
}

const TOOL_NAMES = { helm: 'helm', kustomize: 'kustomize' } as const;

/** A release name helm accepts, from the chart's name (the same for every reader). */
function releaseName(chart: string | undefined): string {
  const name = (chart ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 53)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(name) ? name : 'release';
}

function writeTree(tree: string, files: RenderFile[], renderedDirs: string[]) {
  for (const f of files) {
    const segments = f.path.split(/[\\/]/).filter(s => s && s !== '.');
    if (
      segments.length === 0 ||
      segments.includes('..') ||
      !isInsideRendered(f.path, renderedDirs)
    )
      continue;
    const target = join(tree, ...segments);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content, { flag: 'wx' });
  }
}

/**
 * Writes the files of the rendered folders to a fresh temporary folder (regular files only,
 * never a link, never outside it) and prepares one command per root, run there without
 * network: an empty PATH (kustomize finds no git), proxies that lead nowhere, and helm's
 * and kustomize's homes inside the temporary folder.
 */
function prepare(
  files: RenderFile[],
  roots: RenderRoot[],
  renderedDirs: string[],
  tools: RenderTools,
  values: HelmValues,
): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'diehard-render-'));
  const tree = join(dir, 'tree');
  const home = join(dir, 'home');
  try {
    mkdirSync(tree);
    mkdirSync(home);
    writeTree(tree, files, renderedDirs);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const nowhere = 'http://127.0.0.1:9';
  const env: NodeJS.ProcessEnv = {
    PATH: '',
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    HELM_CACHE_HOME: join(home, 'helm-cache'),
    HELM_CONFIG_HOME: join(home, 'helm-config'),
    HELM_DATA_HOME: join(home, 'helm-data'),
    HELM_PLUGINS: join(home, 'helm-plugins'),
    KUBECONFIG: join(home, 'no-kubeconfig'),
    HTTP_PROXY: nowhere,
    HTTPS_PROXY: nowhere,
    http_proxy: nowhere,
    https_proxy: nowhere,
    NO_PROXY: '',
    no_proxy: '',
  };
  const jobs = roots.map((root): Job | RenderResult => {
    const kind = root.kind;
    const name = tools[kind] ?? TOOL_NAMES[kind];
    const tool = findTool(name);
    if (!tool)
      return { root, missingTool: true, error: missingTool(kind, name, tools) };
    const at = join(tree, ...root.dir.split('/').filter(Boolean));
    const args =
      kind === 'helm'
        ? [
            'template',
            releaseName(root.chart),
            at,
            '--skip-tests',
            ...(values.files ?? []).flatMap(f => ['--values', f]),
            ...(values.set ?? []).flatMap(s => ['--set', s]),
          ]
        : ['build', at];
    return { root, tool, command: `${kind} ${args[0]}`, args };
  });
  return { dir, env, jobs };
}

function missingTool(kind: RenderKind, name: string, tools: RenderTools) {
  let where = ` at ${name}`;
  if (name === TOOL_NAMES[kind]) where = ' on PATH';
  else if (tools.configured) where = ' at the path configured';
  const what = kind === 'helm' ? 'a Helm chart' : 'a Kustomize folder';
  return `is ${what}, but ${kind} was not found${where}: ${
    tools.hint?.[kind] ?? `install ${kind} on PATH`
  }`;
}

/** The tool's message without the temporary folder's paths, first lines only. */
function toolMessage(text: string, workspace: string): string {
  const tree = join(workspace, 'tree');
  const lines = text
    .split(`${tree}/`)
    .join('')
    .split(tree)
    .join('.')
    .split(workspace)
    .join('.')
    .split('\n')
    .map(l => l.replace(/^Error: /, '').trim())
    .filter(Boolean);
  const message = lines.slice(0, 6).join('; ');
  return message.length > 1000 ? `${message.slice(0, 1000)}…` : message;
}

function outcome(
  job: Job,
  workspace: Workspace,
  tools: RenderTools,
  result: {
    status: number | null;
    stdout: string;
    stderr: string;
    timedOut: boolean;
    tooLarge: boolean;
    failed?: string;
  },
): RenderResult {
  const { root, command } = job;
  const timeout = tools.timeoutMs ?? RENDER_DEFAULTS.timeoutMs;
  const max = tools.maxOutputBytes ?? RENDER_DEFAULTS.maxOutputBytes;
  if (result.timedOut)
    return { root, error: `${command} took longer than ${timeout / 1000} s` };
  if (result.tooLarge)
    return { root, error: `${command} wrote more than ${max} bytes` };
  if (result.failed)
    return { root, error: `${command} could not run (${result.failed})` };
  if (result.status !== 0)
    return {
      root,
      error: `${command} failed: ${
        toolMessage(result.stderr, workspace.dir) || `exit ${result.status}`
      }`,
    };
  return { root, manifests: result.stdout };
}

/**
 * Renders each root with the real helm (`helm template`, the chart's values, then
 * `values`) or kustomize (`kustomize build`, its default load restrictor: no file outside
 * the kustomization's folder), one after the other, each bounded in time and output.
 * `files` holds the files of the folder read (only those inside `renderedDirs` are used).
 * Never throws for the input: a missing tool or a failed render is that root's `error`.
 *
 * @public
 */
export async function renderRoots(
  files: RenderFile[],
  plan: { roots: RenderRoot[]; renderedDirs: string[] },
  tools: RenderTools = {},
  values: HelmValues = {},
): Promise<RenderResult[]> {
  if (plan.roots.length === 0) return [];
  const workspace = prepare(
    files,
    plan.roots,
    plan.renderedDirs,
    tools,
    values,
  );
  try {
    const out: RenderResult[] = [];
    for (const job of workspace.jobs) {
      if (!('args' in job)) {
        out.push(job);
        continue;
      }
      out.push(
        await new Promise<RenderResult>(resolve => {
          execFile(
            job.tool,
            job.args,
            {
              cwd: workspace.dir,
              env: workspace.env,
              timeout: tools.timeoutMs ?? RENDER_DEFAULTS.timeoutMs,
              killSignal: 'SIGKILL',
              maxBuffer: tools.maxOutputBytes ?? RENDER_DEFAULTS.maxOutputBytes,
              encoding: 'utf8',
            },
            (error, stdout, stderr) => {
              const e = error as
                | (NodeJS.ErrnoException & { killed?: boolean })
                | null;
              const tooLarge = e?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
              resolve(
                outcome(job, workspace, tools, {
                  status: exitStatus(e),
                  stdout,
                  stderr,
                  tooLarge,
                  timedOut: !tooLarge && !!e?.killed,
                  failed:
                    typeof e?.code === 'string' && !tooLarge
                      ? e.code
                      : undefined,
                }),
              );
            },
          );
        }),
      );
    }
    return out;
  } finally {
    rmSync(workspace.dir, { recursive: true, force: true });
  }
}

/** execFile's error: its exit code, 1 when it has none (a signal, a spawn failure), 0 without one. */
function exitStatus(e: NodeJS.ErrnoException | null): number {
  if (!e) return 0;
  return typeof e.code === 'number' ? e.code : 1;
}

/**
 * {@link renderRoots} for a synchronous caller (the CLI).
 *
 * @public
 */
export function renderRootsSync(
  files: RenderFile[],
  plan: { roots: RenderRoot[]; renderedDirs: string[] },
  tools: RenderTools = {},
  values: HelmValues = {},
): RenderResult[] {
  if (plan.roots.length === 0) return [];
  const workspace = prepare(
    files,
    plan.roots,
    plan.renderedDirs,
    tools,
    values,
  );
  try {
    return workspace.jobs.map(job => {
      if (!('args' in job)) return job;
      const r = spawnSync(job.tool, job.args, {
        cwd: workspace.dir,
        env: workspace.env,
        timeout: tools.timeoutMs ?? RENDER_DEFAULTS.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: tools.maxOutputBytes ?? RENDER_DEFAULTS.maxOutputBytes,
        encoding: 'utf8',
      });
      const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
      return outcome(job, workspace, tools, {
        status: r.status,
        stdout: r.stdout ?? '',
        stderr: r.stderr ?? '',
        timedOut: code === 'ETIMEDOUT',
        tooLarge: code === 'ENOBUFS',
        failed:
          r.error && code !== 'ETIMEDOUT' && code !== 'ENOBUFS'
            ? code ?? r.error.message
            : undefined,
      });
    });
  } finally {
    rmSync(workspace.dir, { recursive: true, force: true });
  }
}
