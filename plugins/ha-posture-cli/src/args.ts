import { parseArgs } from 'node:util';
import { LANGUAGES, Language, languageFromEnv } from './i18n/language';

/** Options of `diehard-posture scan`. */
export interface ScanOptions {
  inputs: string[];
  format: 'table' | 'json' | 'sarif';
  /** Language of the table and SARIF text (JSON keeps English messages and adds their ids). */
  lang: Language;
  failOn?: 'critical' | 'warning';
  /** Largest file (or stdin) read, in bytes. */
  maxFileSize: number;
  /** Largest total read over all inputs, in bytes. */
  maxTotalSize: number;
  /** How Helm charts and Kustomize folders found in directories are rendered. */
  render: {
    /** helm and kustomize binaries (--helm, --kustomize), resolved from the working folder. */
    helm?: string;
    kustomize?: string;
    /** --values FILE, in order, given to every chart. */
    values: string[];
    /** --set key=value, in order, given to every chart. */
    set: string[];
  };
}

/** A command line that cannot be run: exit code 2. */
export class UsageError extends Error {}

/** Defaults of --max-file-size and --max-total-size. */
export const SIZE_DEFAULTS = {
  maxFileSize: 64 * 1024 * 1024,
  maxTotalSize: 256 * 1024 * 1024,
};

const UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
};

/** `64M`, `512k`, `1G`, `1048576` (powers of 1024; an optional `iB`/`B`). */
export function parseSize(option: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
  const bytes = m ? Math.floor(Number(m[1]) * UNITS[m[2].toLowerCase()]) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new UsageError(
      `--${option} '${text}' is not a size (e.g. 64M, 512k, 1G)`,
    );
  return bytes;
}

export const USAGE = `Usage: diehard-posture scan <file|dir|->... [--format table|json|sarif] [--fail-on critical|warning]

Reads Kubernetes manifests (multi-document YAML, kind: List, JSON; '-' for stdin, so
'helm template … | diehard-posture scan -' works) and reports, per workload, the failures
it does not survive. Directories are read recursively (*.yaml, *.yml, *.json); Tomcat
server.xml, context.xml and web.xml files found there count as the Tomcat configuration.
A folder with a Chart.yaml is rendered with 'helm template' (its values.yaml, then
--values and --set), one with a kustomization.yaml with 'kustomize build' (an overlay
renders its bases), without network, then graded like manifests. Only regular files are
read, as UTF-8 text; other unrendered templates ({{ … }}) are refused.

Options:
  --format table|json|sarif   output format (default: table)
  --fail-on critical|warning  exit 1 when a finding has at least that severity
  --lang en|fr                language of the table and SARIF text (default: from
                              LC_ALL, LC_MESSAGES or LANG, e.g. fr_FR.UTF-8 -> fr);
                              JSON keeps English messages and adds messageId and params
  --values FILE               a values file for every chart rendered (repeatable)
  --set KEY=VALUE             a value for every chart rendered, as helm --set (repeatable)
  --helm PATH                 the helm 3 binary (default: helm on PATH)
  --kustomize PATH            the kustomize 5 binary (default: kustomize on PATH)
  --max-file-size SIZE        largest file (or stdin) read (default: 64M)
  --max-total-size SIZE       largest total read over all inputs (default: 256M)
  -h, --help                  show this help

Exit codes:
  0  scanned; no finding at or above --fail-on (always 0 without --fail-on)
  1  a finding at or above the --fail-on severity
  2  usage error (unknown command or option, no input)
  3  some input could not be read or parsed (not a regular file, too large, not UTF-8,
     an unrendered template, an alias bomb, a chart or overlay that did not render or
     whose tool is missing…): it is named with its line on stderr,
     and everything that parsed is still reported (takes precedence over 1)`;

/** Parses argv (without node and script); throws {@link UsageError}; returns undefined for --help. */
export function parseScanArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): ScanOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        'fail-on': { type: 'string' },
        lang: { type: 'string' },
        'max-file-size': { type: 'string' },
        'max-total-size': { type: 'string' },
        values: { type: 'string', multiple: true },
        set: { type: 'string', multiple: true },
        helm: { type: 'string' },
        kustomize: { type: 'string' },
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
  const lang = values.lang ?? languageFromEnv(env);
  if (!(LANGUAGES as readonly string[]).includes(lang))
    throw new UsageError(`unknown --lang '${lang}' (en or fr)`);
  const set = values.set ?? [];
  const badSet = set.find(v => !/^[^=]+=/.test(v));
  if (badSet !== undefined)
    throw new UsageError(`--set '${badSet}' is not KEY=VALUE`);
  const size = (option: 'max-file-size' | 'max-total-size', fallback: number) =>
    values[option] === undefined ? fallback : parseSize(option, values[option]);
  return {
    inputs,
    format: values.format as ScanOptions['format'],
    lang: lang as Language,
    failOn,
    maxFileSize: size('max-file-size', SIZE_DEFAULTS.maxFileSize),
    maxTotalSize: size('max-total-size', SIZE_DEFAULTS.maxTotalSize),
    render: {
      helm: values.helm,
      kustomize: values.kustomize,
      values: values.values ?? [],
      set,
    },
  };
}
