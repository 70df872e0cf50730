import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * `action`, whose failure reaches the task's log as its message alone. The scaffolder
 * writes a failed step's `error.stack` into the log its user reads, and a stack names the
 * server's files; the whole error goes to the backend's own log instead.
 */
export function withoutServerStack<A extends TemplateAction<any, any, any>>(
  action: A,
  logger: LoggerService,
): A {
  return {
    ...action,
    async handler(ctx: Parameters<A['handler']>[0]) {
      try {
        return await action.handler(ctx);
      } catch (e) {
        if (e instanceof Error) {
          logger.error(`${action.id} failed in task ${ctx.task?.id}`, e);
          e.stack = `${e.name}: ${e.message}`;
        }
        throw e;
      }
    },
  };
}
