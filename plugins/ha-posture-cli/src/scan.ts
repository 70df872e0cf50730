import {
  evaluatePosture,
  severityRank,
  toContractJson,
} from '@diehard/plugin-ha-posture-common/engine';
import { USAGE, UsageError, parseScanArgs } from './args';
import { formatSarif } from './format/sarif';
import { formatTable } from './format/table';
import { readInputs } from './readInputs';

/** Exit codes, as documented in the usage text and the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3 } as const;

/** Where the CLI reads and writes: the real process, or a test's buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads stdin, at most `maxBytes` (throws {@link UnreadableFile} beyond). */
  readStdin(maxBytes: number): string | Uint8Array;
  cwd?: string;
  /** The environment, for the default language (LC_ALL, LC_MESSAGES, LANG). */
  env?: Record<string, string | undefined>;
}

/**
 * Runs `diehard-posture` with argv (without node and script) and returns the exit code.
 * Never throws: a fault of ours is one line on stderr and exit 3, never a stack trace or an
 * exit 1 that would read as findings.
 */
export function runCli(argv: string[], io: CliIo): number {
  try {
    return scan(argv, io);
  } catch (e) {
    io.stderr(
      `diehard-posture: internal error, nothing reported: ${
        (e as Error)?.message ?? String(e)
      } (a bug: please report it with the input)\n`,
    );
    return EXIT.input;
  }
}

function scan(argv: string[], io: CliIo): number {
  let options;
  try {
    options = parseScanArgs(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`diehard-posture: ${e.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  if (!options) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const read = readInputs(
    options.inputs,
    io.readStdin,
    options,
    io.cwd,
    options.render,
  );
  for (const e of read.errors)
    io.stderr(
      `diehard-posture: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`,
    );
  const report = evaluatePosture({ objects: read.objects, files: read.files });
  if (options.format === 'json')
    io.stdout(`${JSON.stringify(toContractJson(report), null, 2)}\n`);
  else if (options.format === 'sarif')
    io.stdout(formatSarif(report, read.sources, options.lang));
  else io.stdout(formatTable(report, options.lang));
  if (read.errors.length > 0) return EXIT.input;
  if (options.failOn) {
    const limit = severityRank(options.failOn);
    const all = [
      ...report.workloads.flatMap(w => w.findings),
      ...report.cluster.findings,
    ];
    if (all.some(f => severityRank(f.severity) <= limit)) return EXIT.findings;
  }
  return EXIT.ok;
}
