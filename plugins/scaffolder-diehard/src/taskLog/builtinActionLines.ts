import type { LogEvent } from '@backstage/plugin-scaffolder-common';

/** The lines of Backstage's own actions Diehard translates: keys of `builtinLog` in its translation ref. */
export type BuiltinActionLine =
  | 'fetching'
  | 'listing'
  | 'processing'
  | 'writingFile'
  | 'writingDirectory'
  | 'written'
  | 'gitInit'
  | 'gitAdd'
  | 'gitCommit'
  | 'gitPush'
  | 'registering';

/** A line of a built-in action in the user's language, its parameters filled. */
export type TranslateBuiltinActionLine = (
  line: BuiltinActionLine,
  params: Record<string, string>,
) => string;

/**
 * What Backstage's `fetch:template`, `catalog:register` and its git helper (as
 * `diehard:git:push` uses it) write into a run's log, always in English, after the level
 * the task logger puts before each (`info: `, coloured).
 */
const BUILTIN_LINES: ReadonlyArray<{ key: BuiltinActionLine; line: RegExp }> = [
  { key: 'fetching', line: /^Fetching template content from remote URL$/ },
  { key: 'listing', line: /^Listing files and directories in template$/ },
  {
    key: 'processing',
    line: /^Processing (?<count>\d+) template files\/directories with input values (?<values>.*)$/s,
  },
  {
    key: 'writingFile',
    line: /^Writing file (?<path>.+) to template output path with mode (?<mode>\d+)\.$/,
  },
  {
    key: 'writingDirectory',
    line: /^Writing directory (?<path>.+) to template output path\.$/,
  },
  { key: 'written', line: /^Template result written to the workspace$/ },
  // The git helper's `{dir=.,…}`: only the commit's message says something to the user.
  { key: 'gitInit', line: /^Init git repository \{.*\}$/ },
  { key: 'gitAdd', line: /^Adding file \{.*\}$/ },
  {
    key: 'gitCommit',
    line: /^Committing file to repo \{.*?message=(?<message>.*)\}$/s,
  },
  { key: 'gitPush', line: /^Pushing directory to remote \{.*\}$/ },
  { key: 'registering', line: /^Registering (?<url>\S+) in the catalog$/ },
];

/** The level before an action's line: `info: `, with the task logger's colours or without. */
// eslint-disable-next-line no-control-regex -- the colours are escape sequences
const LEVEL = /^((?:\u001b\[\d+m)?[a-z]+(?:\u001b\[\d+m)?: )([\s\S]*)$/;

/**
 * A task event whose line from one of Backstage's own actions is in the user's language,
 * its level kept. Any other line (Diehard's actions speak the user's language themselves,
 * a tool's output, an error) stays as it is.
 */
export function translateBuiltinActionLine(
  event: LogEvent,
  translate: TranslateBuiltinActionLine,
): LogEvent {
  const message = event.body?.message;
  if (typeof message !== 'string' || message.length > 10_000) return event;
  const [, level, text] = LEVEL.exec(message) ?? [];
  if (level === undefined) return event;
  for (const { key, line } of BUILTIN_LINES) {
    const match = line.exec(text);
    if (!match) continue;
    return {
      ...event,
      body: {
        ...event.body,
        message: `${level}${translate(key, { ...match.groups })}`,
      },
    };
  }
  return event;
}
