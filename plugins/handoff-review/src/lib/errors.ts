import { ResponseError } from '@backstage/errors';
import {
  ChangeRefusal,
  changeRefusalSchema,
} from '@diehard/plugin-handoff-review-common';

/** The HTTP status of a failed call, when it came from the backend. */
export function statusOf(error: Error): number | undefined {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    return (error as ResponseError).statusCode;
  }
  return undefined;
}

/** Why the backend refused a change, when it said it as data this portal knows. */
export function refusalOf(error: Error): ChangeRefusal | undefined {
  if (statusOf(error) === undefined) return undefined;
  const parsed = changeRefusalSchema.safeParse(
    (error as ResponseError).body?.error,
  );
  return parsed.success ? parsed.data : undefined;
}

/** Whether the backend said, as data, that the permission policy refuses `permission`. */
export function policyRefused(
  error: Error,
  permission: { name: string },
): boolean {
  const refusal = refusalOf(error);
  return (
    refusal?.reason === 'policy-refused' &&
    refusal.permission === permission.name
  );
}

/** What went wrong, in the backend's words when it sent any. */
export function describeError(error: Error): string {
  if (statusOf(error) !== undefined) {
    const cause = (error as ResponseError).body?.error?.message;
    if (cause && !cause.startsWith('Request failed')) {
      return cause;
    }
  }
  return error.message;
}
