import { mockServices } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonValue } from '@backstage/types';
import yaml from 'yaml';

/** Replaces `${{ steps.<id>.output.<name> }}` with earlier steps' outputs. */
function resolve(
  value: JsonValue,
  outputs: Record<string, Record<string, JsonValue>>,
): JsonValue {
  if (typeof value === 'string') {
    const whole = /^\$\{\{\s*steps\.([\w-]+)\.output\.(\w+)\s*\}\}$/.exec(
      value,
    );
    if (whole) return outputs[whole[1]]?.[whole[2]] ?? null;
    return value.replace(
      /\$\{\{\s*steps\.([\w-]+)\.output\.(\w+)\s*\}\}/g,
      (_m, s, o) => String(outputs[s]?.[o] ?? ''),
    );
  }
  if (Array.isArray(value)) return value.map(v => resolve(v, outputs));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolve(v!, outputs)]),
    );
  }
  return value;
}

/**
 * Runs every step of an action example, in order, with real actions and a shared
 * workspace, like the scaffolder would. Returns each step's outputs.
 */
export async function runExample(
  example: string,
  actions: TemplateAction<any, any, any>[],
  workspacePath: string,
  extra: Record<string, unknown> = {},
) {
  const outputs: Record<string, Record<string, JsonValue>> = {};
  const steps = yaml.parse(example).steps as {
    id: string;
    action: string;
    input: JsonValue;
  }[];
  for (const step of steps) {
    const action = actions.find(a => a.id === step.action);
    if (!action)
      throw new Error(`example uses ${step.action}, not given to runExample`);
    const ctx = Object.assign(
      createMockActionContext<any>({
        input: resolve(step.input, outputs) as any,
        workspacePath,
        logger: mockServices.logger.mock(),
      }),
      extra,
    );
    await action.handler(ctx);
    outputs[step.id] = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }
  return outputs;
}
