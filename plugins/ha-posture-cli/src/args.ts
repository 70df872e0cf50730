import { parseArgs } from 'node:util';

/** Options of `diehard-posture scan`. */
export interface ScanOptions {
  inputs: string[];
  format: 'table' | 'json' | 'sarif';
  failOn?: 'critical' | 'warning';
}

/** A command line that cannot be run: exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: diehard-posture scan <file|dir|->... [--format table|json|sarif] [--fail-on critical|warning]

Reads Kubernetes manifests (multi-document YAML, kind: List, JSON; '-' for stdin, so
'helm template … | diehard-posture scan -' works) and reports, per workload, the failures
it does not survive. Directories are read recursively (*.yaml, *.yml, *.json); Tomcat
server.xml, context.xml and web.xml files found there count as the Tomcat configuration.

Options:
  --format table|json|sarif   output format (default: table)
  --fail-on critical|warning  exit 1 when a finding has at least that severity
  -h, --help                  show this help

Exit codes:
  0  scanned; no finding at or above --fail-on (always 0 without --fail-on)
  1  a finding at or above the --fail-on severity
  2  usage error (unknown command or option, no input)
  3  some input could not be read or parsed: it is named with its line on stderr,
     and everything that parsed is still reported (takes precedence over 1)`;

/** Parses argv (without node and script); throws {@link UsageError}; returns undefined for --help. */
export function parseScanArgs(argv: string[]): ScanOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  const [command, ...inputs] = positionals;
  if (command !== 'scan')
    throw new UsageError(
      command ? `unknown command '${command}'` : 'missing command',
    );
  if (inputs.length === 0)
    throw new UsageError('scan needs at least one file, directory or -');
  if (!['table', 'json', 'sarif'].includes(values.format!))
    throw new UsageError(`unknown --format '${values.format}'`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'critical' && failOn !== 'warning')
    throw new UsageError(`unknown --fail-on '${failOn}'`);
  return { inputs, format: values.format as ScanOptions['format'], failOn };
}
