import type {
  LogEvent,
  ScaffolderTask,
} from '@backstage/plugin-scaffolder-common';
import type { JsonObject, JsonValue } from '@backstage/types';
import { isObject, translated } from './translations';

const each = (
  list: JsonValue | undefined,
  fn: (item: JsonObject) => JsonObject,
) => (Array.isArray(list) ? list.map(i => (isObject(i) ? fn(i) : i)) : list);

/**
 * A run's output in `language`: the titles of its links, and the titles and contents of its
 * texts. The scaffolder renders `${{ … }}` in translations as in the rest of the output.
 */
export function translateOutput(
  output: JsonObject,
  language: string,
): JsonObject {
  return {
    ...output,
    ...(output.links !== undefined && {
      links: each(output.links, l => translated(l, language, ['title'])),
    }),
    ...(output.text !== undefined && {
      text: each(output.text, t =>
        translated(t, language, ['title', 'content']),
      ),
    }),
  };
}

/**
 * A task in `language`: the names of its steps (the task page lists them), its output, and
 * the template's title and description it carries (the task list searches them). Headings
 * that name the template read its catalog entity, not the task.
 */
export function translateTask(
  task: ScaffolderTask,
  language: string,
): ScaffolderTask {
  const spec = task.spec;
  const entity = spec.templateInfo?.entity;
  return {
    ...task,
    spec: {
      ...spec,
      steps: spec.steps.map(step =>
        translated(step as unknown as JsonObject, language, ['name']),
      ) as unknown as typeof spec.steps,
      output: translateOutput(
        spec.output as JsonObject,
        language,
      ) as typeof spec.output,
      ...(spec.templateInfo &&
        entity?.metadata && {
          templateInfo: {
            ...spec.templateInfo,
            entity: {
              ...entity,
              metadata: translated(entity.metadata as JsonObject, language, [
                'title',
                'description',
              ]) as typeof entity.metadata,
            },
          },
        }),
    },
  };
}

/** A task event in `language`: the output a run's completion carries. */
export function translateLogEvent(event: LogEvent, language: string): LogEvent {
  const body = event.body as LogEvent['body'] & { output?: JsonValue };
  if (!isObject(body.output)) return event;
  return {
    ...event,
    body: { ...body, output: translateOutput(body.output, language) },
  } as LogEvent;
}
