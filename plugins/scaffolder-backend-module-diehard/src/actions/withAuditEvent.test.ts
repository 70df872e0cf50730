import { AuditorService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { actionContext, outputsOf } from '../__testUtils__/actionContext';
import { withAuditEvent } from './withAuditEvent';

/** Each call the wrapped action made to the auditor, as `status meta error`. */
function auditTrail() {
  const trail: Array<{ status: string; meta?: object; error?: string }> = [];
  const auditor: AuditorService = {
    async createEvent(o) {
      expect(o).toMatchObject({
        eventId: 'diehard-thing-push',
        severityLevel: 'medium',
      });
      trail.push({ status: 'initiated', meta: o.meta });
      return {
        success: async p => void trail.push({ status: 'succeeded', ...p }),
        fail: async p =>
          void trail.push({
            status: 'failed',
            meta: p.meta,
            error: p.error.message,
          }),
      };
    },
  };
  return { trail, auditor };
}

const pushing = (fail?: Error) =>
  createTemplateAction({
    id: 'diehard:thing:push',
    async handler(ctx) {
      ctx.output('reference', 'registry/thing@sha256:1');
      if (fail) throw fail;
    },
  });

describe('withAuditEvent', () => {
  const user = {
    user: { ref: 'user:default/ada' },
    templateInfo: { entityRef: 'template:default/service' },
  } as any;

  it("records who ran the action and what it produced, outputs still the step's", async () => {
    const { trail, auditor } = auditTrail();
    const ctx = actionContext('/w', {}, user);
    await withAuditEvent(pushing(), auditor).handler(ctx);
    const who = {
      taskId: ctx.task.id,
      createdBy: 'user:default/ada',
      templateRef: 'template:default/service',
    };
    expect(trail).toEqual([
      { status: 'initiated', meta: who },
      {
        status: 'succeeded',
        meta: { outputs: { reference: 'registry/thing@sha256:1' } },
      },
    ]);
    expect(outputsOf(ctx)).toEqual({ reference: 'registry/thing@sha256:1' });
  });

  it('records a failure with its reason and lets it reach the task', async () => {
    const { trail, auditor } = auditTrail();
    const refused = new NotAllowedError('not yours');
    await expect(
      withAuditEvent(pushing(refused), auditor).handler(
        actionContext('/w', {}, user),
      ),
    ).rejects.toBe(refused);
    expect(trail.at(-1)).toEqual({
      status: 'failed',
      error: 'not yours',
      meta: { outputs: { reference: 'registry/thing@sha256:1' } },
    });
  });

  it('records nothing for a dry run, which changes nothing', async () => {
    const { trail, auditor } = auditTrail();
    const ctx = actionContext('/w', {}, { ...user, isDryRun: true });
    await withAuditEvent(pushing(), auditor).handler(ctx);
    expect(trail).toEqual([]);
    expect(outputsOf(ctx)).toEqual({ reference: 'registry/thing@sha256:1' });
  });
});
