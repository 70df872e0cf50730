import fsp from 'node:fs/promises';
import path from 'node:path';
import { galeraComponent } from './components/galera';
import { gitComponent } from './components/git';
import { oidcComponent } from './components/oidc';
import { kubernetesComponent } from './components/kubernetes';
import { postgresComponent } from './components/postgres';
import { registryComponent } from './components/registry';
import { tomcatComponent } from './components/tomcat';
import {
  COMPONENT_NAMES,
  ComponentContext,
  ComponentName,
  LabComponent,
  ProcessStatus,
  UpOptions,
} from './components/types';
import { resolveUpOptions } from './options';
import { labPaths, LabPaths } from './paths';
import { componentPorts, haControlPlanePorts, LAB_HOST } from './ports';
import { LabError } from './util/errors';
import { withLock } from './util/lock';
import { portTaken } from './util/net';
import { Reporter, silentReporter } from './util/reporter';
import { readJson, writeJson } from './util/state';
import type { LabEndpoints } from './endpoints';

const COMPONENTS: { [N in ComponentName]: LabComponent<LabEndpoints[N]> } = {
  postgres: postgresComponent,
  registry: registryComponent,
  kubernetes: kubernetesComponent,
  galera: galeraComponent,
  tomcat: tomcatComponent,
  git: gitComponent,
  oidc: oidcComponent,
};

export interface LabRunOptions extends UpOptions {
  report?: Reporter;
  paths?: LabPaths;
}

function context(
  name: ComponentName,
  options: LabRunOptions,
  upOptions: UpOptions = {},
): ComponentContext {
  const paths = options.paths ?? labPaths();
  return {
    paths,
    dir: path.join(paths.stateDir, name),
    report: options.report ?? silentReporter,
    options: upOptions,
  };
}

/**
 * Checks component names and puts them in the documented order, once each. An empty
 * list stays empty unless `allWhenEmpty` (the CLI's `up` and `down`).
 */
export function parseComponentNames(
  names: readonly string[],
  options: { allWhenEmpty?: boolean } = {},
): ComponentName[] {
  for (const n of names) {
    if (!COMPONENT_NAMES.includes(n as ComponentName)) {
      throw new LabError(
        `unknown lab component "${n}" (components: ${COMPONENT_NAMES.join(
          ', ',
        )})`,
      );
    }
  }
  const wanted =
    names.length === 0 && options.allWhenEmpty ? COMPONENT_NAMES : names;
  return COMPONENT_NAMES.filter(n => wanted.includes(n));
}

/**
 * Refuses to start a component whose ports another program holds (often another
 * lab on the same machine), instead of letting one of its daemons fail to bind
 * deep inside the start with a message about that daemon.
 */
async function ensurePortsFree(name: ComponentName, options: UpOptions) {
  const ports = [
    ...componentPorts(name),
    ...(name === 'kubernetes' && options.controlPlane === 'ha'
      ? haControlPlanePorts()
      : []),
  ];
  for (const port of ports) {
    if (await portTaken(LAB_HOST, port)) {
      throw new LabError(
        `port ${port} on ${LAB_HOST} is already taken by another program ` +
          '(another lab on this machine, or a local service): stop it, or give ' +
          `this lab another DIEHARD_LAB_PORT_OFFSET (now ${
            process.env.DIEHARD_LAB_PORT_OFFSET ?? 0
          })`,
      );
    }
  }
}

/**
 * Starts the named components, reusing those already running and healthy. Safe to
 * call from several processes at once (a file lock per component). Throws a LabError
 * naming the component that could not start.
 */
export async function labUp<N extends ComponentName>(
  names: readonly N[],
  options: LabRunOptions = {},
): Promise<Pick<LabEndpoints, N>> {
  const result = {} as Pick<LabEndpoints, N>;
  const upOptions = resolveUpOptions(options);
  const stateDir = (options.paths ?? labPaths()).stateDir;
  await fsp.mkdir(stateDir, { recursive: true });
  // PostgreSQL, MariaDB and the registry run as their own users and must reach their
  // directories below this one (a mkdtemp directory is 0700).
  await fsp.chmod(stateDir, 0o755);
  for (const name of parseComponentNames(names) as N[]) {
    const ctx = context(name, options, upOptions);
    const component = COMPONENTS[name] as LabComponent<LabEndpoints[N]>;
    result[name] = await withLock(ctx.paths.stateDir, name, async () => {
      await fsp.mkdir(ctx.dir, { recursive: true });
      const started = Date.now();
      const save = async (endpoint: LabEndpoints[N]) => {
        const ensured = component.ensure
          ? await component.ensure(ctx, endpoint)
          : endpoint;
        await writeJson(path.join(ctx.dir, 'endpoint.json'), ensured);
        return ensured;
      };
      const failed = (e: unknown) =>
        new LabError(
          `lab component "${name}" could not start: ${(e as Error).message}`,
          { cause: e },
        );
      const running = await component.probe(ctx);
      if (running) {
        ctx.report(`${name}: reusing the running instance`);
        return save(running).catch(e => {
          throw failed(e);
        });
      }
      await component.stop(ctx); // leftovers of a crashed or partial start
      try {
        await ensurePortsFree(name, upOptions);
        const endpoint = await save(await component.start(ctx));
        ctx.report(
          `${name}: up (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        return endpoint;
      } catch (e) {
        await component.stop(ctx).catch(() => {});
        throw failed(e);
      }
    });
  }
  return result;
}

/** Stops the named components (all when none is named), by the PIDs the lab recorded. */
export async function labDown(
  names: readonly ComponentName[] = [],
  options: LabRunOptions = {},
) {
  for (const name of parseComponentNames(names, {
    allWhenEmpty: true,
  }).reverse()) {
    const ctx = context(name, options);
    await withLock(ctx.paths.stateDir, name, async () => {
      const before = await COMPONENTS[name].processes(ctx).catch(() => []);
      if (!before.some(p => p.alive)) return;
      ctx.report(`${name}: stopping`);
      await COMPONENTS[name].stop(ctx);
    });
  }
}

export interface ComponentStatus {
  name: ComponentName;
  state: 'running' | 'degraded' | 'stopped';
  processes: ProcessStatus[];
  endpoint?: unknown;
}

function stateOf(alive: number, total: number): ComponentStatus['state'] {
  if (alive === 0) return 'stopped';
  return alive === total ? 'running' : 'degraded';
}

export async function labStatus(
  options: LabRunOptions = {},
): Promise<ComponentStatus[]> {
  const out: ComponentStatus[] = [];
  for (const name of COMPONENT_NAMES) {
    const ctx = context(name, options);
    const processes = await COMPONENTS[name].processes(ctx);
    const alive = processes.filter(p => p.alive).length;
    out.push({
      name,
      state: stateOf(alive, processes.length),
      processes,
      endpoint: alive
        ? await readJson(path.join(ctx.dir, 'endpoint.json'))
        : undefined,
    });
  }
  return out;
}
