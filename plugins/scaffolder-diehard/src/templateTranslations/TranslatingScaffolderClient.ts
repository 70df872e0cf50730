import type {
  AppLanguageApi,
  TranslationApi,
} from '@backstage/frontend-plugin-api';
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
import { mapLogStream } from '../taskLog/mapLogStream';
import {
  StepNames,
  TranslateRunnerLine,
  translateRunnerLine,
} from '../taskLog/runnerLines';
import { withoutStackFrames } from '../taskLog/withoutStackFrames';
import { withoutWorkspacePath } from '../taskLog/withoutWorkspacePath';
import {
  TranslateBuiltinActionLine,
  translateBuiltinActionLine,
} from '../taskLog/builtinActionLines';
import { readyTranslation } from '../readyTranslation';
import { translateParameterSchema } from './translateParameterSchema';
import { translateLogEvent, translateTask } from './translateTask';
import { translated } from './translations';

/**
 * The scaffolder's own client, whose answers come in the language the user picked: a
 * template's form (see {@link translateParameterSchema}; its title and description from
 * `metadata.ui:translations` of its catalog entity), and a run's step names, heading and
 * output links. A run's log comes without the stack frames of a failed step (see
 * {@link withoutStackFrames}) or the workspace folder `fetch:template` names (see
 * {@link withoutWorkspacePath}), the lines of Backstage's runner and of its own actions in the
 * user's language.
 */
export class TranslatingScaffolderClient extends ScaffolderClient {
  private readonly languageApi: AppLanguageApi;
  private readonly catalog: Pick<CatalogApi, 'getEntityByRef'>;
  private readonly translationApi: TranslationApi;

  constructor(
    options: ConstructorParameters<typeof ScaffolderClient>[0] & {
      appLanguageApi: AppLanguageApi;
      catalogApi: Pick<CatalogApi, 'getEntityByRef'>;
      translationApi: TranslationApi;
    },
  ) {
    super(options);
    this.languageApi = options.appLanguageApi;
    this.catalog = options.catalogApi;
    this.translationApi = options.translationApi;
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
    const language = this.language;
    // Without the task or the translations, Backstage's lines stay in English.
    const backstageLines = this.backstageLines(
      request.taskId,
      language,
      options,
    ).catch(() => (e: LogEvent) => e);
    return mapLogStream(
      super.streamLogs(request, options),
      backstageLines.then(
        backstage => e =>
          translateLogEvent(
            backstage(withoutWorkspacePath(withoutStackFrames(e))),
            language,
          ),
      ),
    );
  }

  /**
   * Translates the lines of Backstage's runner and of its own actions (see
   * {@link translateRunnerLine}, {@link translateBuiltinActionLine}).
   */
  private async backstageLines(
    taskId: string,
    language: string,
    options?: ScaffolderRequestOptions,
  ): Promise<(e: LogEvent) => LogEvent> {
    if (language.split('-')[0] === 'en') return e => e;
    const [task, t] = await Promise.all([
      super.getTask(taskId, options),
      readyTranslation(this.translationApi),
    ]);
    const steps: StepNames = new Map(
      task.spec.steps.map(step => [
        step.id,
        {
          name: step.name,
          shown: String(
            translated(step as unknown as JsonObject, language, ['name']).name,
          ),
        },
      ]),
    );
    const runner: TranslateRunnerLine = (line, params) =>
      t(`runLog.${line}`, params);
    const builtin: TranslateBuiltinActionLine = (line, params) =>
      t(`builtinLog.${line}`, params);
    return e =>
      translateBuiltinActionLine(
        translateRunnerLine(e, steps, runner),
        builtin,
      );
  }
}
