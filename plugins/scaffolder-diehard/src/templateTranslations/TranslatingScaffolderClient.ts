import type { AppLanguageApi } from '@backstage/frontend-plugin-api';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  LogEvent,
  ScaffolderClient,
  ScaffolderRequestOptions,
  ScaffolderStreamLogsOptions,
  ScaffolderTask,
  TemplateParameterSchema,
} from '@backstage/plugin-scaffolder-common';
import type { JsonObject, Observable } from '@backstage/types';
import { withoutStackFrames } from '../taskLog/withoutStackFrames';
import { translateParameterSchema } from './translateParameterSchema';
import { translateLogEvent, translateTask } from './translateTask';

/**
 * The scaffolder's own client, whose answers come in the language the user picked: a
 * template's form (see {@link translateParameterSchema}; its title and description from
 * `metadata.ui:translations` of its catalog entity), and a run's step names, heading and
 * output links. A run's log comes without the stack frames of a failed step (see
 * {@link withoutStackFrames}).
 */
export class TranslatingScaffolderClient extends ScaffolderClient {
  private readonly languageApi: AppLanguageApi;
  private readonly catalog: Pick<CatalogApi, 'getEntityByRef'>;

  constructor(
    options: ConstructorParameters<typeof ScaffolderClient>[0] & {
      appLanguageApi: AppLanguageApi;
      catalogApi: Pick<CatalogApi, 'getEntityByRef'>;
    },
  ) {
    super(options);
    this.languageApi = options.appLanguageApi;
    this.catalog = options.catalogApi;
  }

  private get language() {
    return this.languageApi.getLanguage().language;
  }

  async getTemplateParameterSchema(
    templateRef: string,
    options?: ScaffolderRequestOptions,
  ): Promise<TemplateParameterSchema> {
    const [manifest, template] = await Promise.all([
      super.getTemplateParameterSchema(templateRef, options),
      this.catalog.getEntityByRef(templateRef).catch(() => undefined),
    ]);
    return translateParameterSchema(
      manifest,
      this.language,
      (template?.metadata ?? {}) as JsonObject,
    );
  }

  async getTask(
    taskId: string,
    options?: ScaffolderRequestOptions,
  ): Promise<ScaffolderTask> {
    return translateTask(await super.getTask(taskId, options), this.language);
  }

  async listTasks(
    request: Parameters<ScaffolderClient['listTasks']>[0],
    options?: ScaffolderRequestOptions,
  ): Promise<{ tasks: ScaffolderTask[]; totalTasks?: number }> {
    const list = await super.listTasks(request, options);
    const language = this.language;
    return { ...list, tasks: list.tasks.map(t => translateTask(t, language)) };
  }

  streamLogs(
    request: ScaffolderStreamLogsOptions,
    options?: ScaffolderRequestOptions,
  ): Observable<LogEvent> {
    const events = super.streamLogs(request, options);
    const language = this.language;
    // zen-observable, what the scaffolder's client builds its stream with, ships no types:
    // the stream is mapped here through the subscription itself.
    const mapped: Observable<LogEvent> = {
      [Symbol.observable]: () => mapped,
      subscribe: (
        observerOrNext?:
          | {
              next?(e: LogEvent): void;
              error?(e: Error): void;
              complete?(): void;
            }
          | ((e: LogEvent) => void),
        onError?: (e: Error) => void,
        onComplete?: () => void,
      ) => {
        const observer =
          typeof observerOrNext === 'object'
            ? observerOrNext
            : { next: observerOrNext, error: onError, complete: onComplete };
        return events.subscribe({
          next: e =>
            observer.next?.(translateLogEvent(withoutStackFrames(e), language)),
          error: e => observer.error?.(e),
          complete: () => observer.complete?.(),
        });
      },
    };
    return mapped;
  }
}
