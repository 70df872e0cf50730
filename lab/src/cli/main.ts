import { COMPONENT_NAMES, UpOptions } from '../components/types';
import { ensurePlatformImages } from '../images';
import { labDown, labStatus, labUp, parseComponentNames } from '../lab';
import { labPaths } from '../paths';
import { LabError } from '../util/errors';
import { stderrReporter } from '../util/reporter';
import { envExports } from './env';

const USAGE = `usage: diehard-lab <command>

  up [component…] [--nodes N] [--portal-namespaces a,b] [--control-plane single|ha]
                                start components (default: all), reusing healthy ones
  down [component…]             stop what the lab started (default: all), by PID
  status [--json]               what runs, with PIDs
  env [--json]                  endpoints of running components (shell exports or JSON)
  images                        the platform base images in the lab's registry (built once, cached)

components: ${COMPONENT_NAMES.join(', ')}
state: $DIEHARD_LAB_DIR or $DIEHARD_ROOT/.lab; binaries: $DIEHARD_CACHE or ~/.cache/diehard`;

function parseArgs(args: string[]) {
  const names: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (['nodes', 'portal-namespaces', 'control-plane'].includes(k))
        flags[k] = args[++i];
      else flags[k] = true;
    } else names.push(a);
  }
  return { names, flags };
}

export async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { names, flags } = parseArgs(rest);
  try {
    switch (command) {
      case 'up': {
        const portalNamespaces =
          typeof flags['portal-namespaces'] === 'string'
            ? flags['portal-namespaces'].split(',')
            : undefined;
        const nodes =
          flags.nodes === undefined ? undefined : Number(flags.nodes);
        const started = Date.now();
        await labUp(parseComponentNames(names, { allWhenEmpty: true }), {
          report: stderrReporter,
          nodes,
          portalNamespaces,
          controlPlane:
            typeof flags['control-plane'] === 'string'
              ? (flags['control-plane'] as UpOptions['controlPlane'])
              : undefined,
        });
        stderrReporter(
          `lab up (${((Date.now() - started) / 1000).toFixed(
            1,
          )} s); \`yarn lab env\` prints the endpoints`,
        );
        break;
      }
      case 'images': {
        const started = Date.now();
        const { registry } = await labUp(['registry'], {
          report: stderrReporter,
        });
        const images = await ensurePlatformImages(registry, {
          report: stderrReporter,
        });
        stderrReporter(
          `platform images in the lab registry (${(
            (Date.now() - started) /
            1000
          ).toFixed(1)} s): ${images.map(i => i.reference).join(', ')}`,
        );
        break;
      }
      case 'down':
        await labDown(parseComponentNames(names), { report: stderrReporter });
        stderrReporter('lab down');
        break;
      case 'status': {
        const statuses = await labStatus();
        if (flags.json) {
          const brief = statuses.map(({ name, state, processes }) => ({
            name,
            state,
            processes,
          }));
          process.stdout.write(`${JSON.stringify(brief, null, 2)}\n`);
          break;
        }
        for (const s of statuses) {
          const procs = s.processes
            .map(
              p =>
                `${p.name}${p.pid ? `[${p.pid}]` : ''}${
                  p.alive ? '' : ' (dead)'
                }`,
            )
            .join(' ');
          process.stdout.write(
            `${s.name.padEnd(11)} ${s.state.padEnd(9)} ${
              s.state === 'stopped' ? '' : procs
            }\n`,
          );
        }
        process.stdout.write(`state dir: ${labPaths().stateDir}\n`);
        break;
      }
      case 'env': {
        const running = (await labStatus()).filter(s => s.state !== 'stopped');
        const endpoints = Object.fromEntries(
          running.map(s => [s.name, s.endpoint]),
        );
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(endpoints, null, 2)}\n`
            : envExports(endpoints),
        );
        break;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        break;
      default:
        throw new LabError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (e) {
    process.stderr.write(
      `\u001b[1;31mERROR\u001b[0m ${(e as Error).message}\n`,
    );
    process.exitCode = 1;
  }
}
