import type { LogEvent } from '@backstage/plugin-scaffolder-common';

/** The lines of Backstage's runner Diehard translates: keys of `runLog` in its translation ref. */
export type RunnerLine =
  | 'starting'
  | 'beginning'
  | 'finished'
  | 'skippedAfterFailure'
  | 'skippedCondition'
  | 'skippedCompleted'
  | 'skippedDryRun'
  | 'cancelled'
  | 'recovered';

/** A runner line in the user's language, its `{{step}}`, `{{steps}}` or `{{action}}` filled. */
export type TranslateRunnerLine = (
  line: RunnerLine,
  params: Record<string, string>,
) => string;

/** The run's steps by id: the name the runner writes, and the one the user reads. */
export type StepNames = ReadonlyMap<string, { name: string; shown: string }>;

/**
 * The lines Backstage's workflow runner (`NunjucksWorkflowRunner`) writes into every run's
 * log, always in English; `step` is the step's name or its id, as the runner writes it.
 */
const RUNNER_LINES: ReadonlyArray<{
  key: RunnerLine;
  line: RegExp;
  stepBy?: 'name' | 'id';
}> = [
  { key: 'starting', line: /^Starting up task with (?<steps>\d+) steps$/ },
  { key: 'beginning', line: /^Beginning step (?<step>.+)$/, stepBy: 'name' },
  { key: 'finished', line: /^Finished step (?<step>.+)$/, stepBy: 'name' },
  {
    key: 'skippedAfterFailure',
    line: /^Skipping step (?<step>\S+) because a previous step failed$/,
    stepBy: 'id',
  },
  {
    key: 'skippedCondition',
    line: /^Skipping step (?<step>\S+) because its if condition was false$/,
    stepBy: 'id',
  },
  {
    key: 'skippedCompleted',
    line: /^Skipping step (?<step>\S+) because it was already completed in a previous run$/,
    stepBy: 'id',
  },
  {
    key: 'cancelled',
    line: /^Step (?<step>\S+) has been cancelled\.$/,
    stepBy: 'id',
  },
  {
    key: 'recovered',
    line: /^Task recovered - resuming from last known good state\. (?<steps>\d+) step\(s\) already completed\.$/,
  },
  {
    key: 'skippedDryRun',
    line: /^Skipping because (?<action>\S+) does not support dry-run$/,
  },
];

/**
 * A task event whose line from Backstage's runner is in the user's language, its step
 * named as the user reads it. Any other line (an action's own, an error) stays as it is.
 */
export function translateRunnerLine(
  event: LogEvent,
  steps: StepNames,
  translate: TranslateRunnerLine,
): LogEvent {
  const message = event.body?.message;
  if (typeof message !== 'string' || message.length > 2000) return event;
  for (const { key, line, stepBy } of RUNNER_LINES) {
    const params = line.exec(message)?.groups;
    if (!params) continue;
    if (stepBy) {
      const id = event.body.stepId;
      const step = id === undefined ? undefined : steps.get(id);
      if (!step || params.step !== (stepBy === 'name' ? step.name : id))
        return event;
      params.step = step.shown;
    }
    return {
      ...event,
      body: { ...event.body, message: translate(key, { ...params }) },
    };
  }
  return event;
}
