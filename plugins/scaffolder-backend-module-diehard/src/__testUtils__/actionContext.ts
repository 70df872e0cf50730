import { mockServices } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';

/**
 * The context of an action run on `workspacePath` with `input`: its logger is a mock the
 * test reads, and `extra` replaces other members (a signal, secrets, a user).
 */
export function actionContext(
  workspacePath: string,
  input: JsonObject,
  extra: Partial<ActionContext<any>> = {},
) {
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext<any>({ input, workspacePath, logger });
  return Object.assign(ctx, extra, { logger });
}

/** What an action run with a context above output, by name. */
export const outputsOf = (ctx: ActionContext<any>) =>
  Object.fromEntries((ctx.output as jest.Mock).mock.calls);
