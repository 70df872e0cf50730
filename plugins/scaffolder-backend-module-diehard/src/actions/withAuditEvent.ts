import type { AuditorService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { JsonObject, JsonValue } from '@backstage/types';

/**
 * `action`, each real run of it an event of Backstage's auditor (`diehard-image-push` for
 * `diehard:image:push`): who started the task, which task and template, then what the
 * action produced (its outputs: the pushed reference, the applied objects) or why it
 * failed. For the actions that change something outside Backstage: a registry, a cluster,
 * a git server. A dry run changes nothing and is not an event.
 */
export function withAuditEvent<A extends TemplateAction<any, any, any>>(
  action: A,
  auditor: AuditorService,
): A {
  const eventId = action.id.replace(/:/g, '-');
  return {
    ...action,
    async handler(ctx: Parameters<A['handler']>[0]) {
      if (ctx.isDryRun) return action.handler(ctx);
      const meta: JsonObject = { taskId: ctx.task.id };
      if (ctx.user?.ref) meta.createdBy = ctx.user.ref;
      if (ctx.templateInfo?.entityRef)
        meta.templateRef = ctx.templateInfo.entityRef;
      const event = await auditor.createEvent({
        eventId,
        severityLevel: 'medium',
        meta,
      });
      const outputs: JsonObject = {};
      try {
        const result = await action.handler({
          ...ctx,
          output(name: string, value: JsonValue) {
            outputs[name] = value;
            ctx.output(name, value);
          },
        });
        await event.success({ meta: { outputs } });
        return result;
      } catch (e) {
        await event.fail({ error: toError(e), meta: { outputs } });
        throw e;
      }
    },
  };
}
