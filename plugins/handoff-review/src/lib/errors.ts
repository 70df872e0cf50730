import { ResponseError } from '@backstage/errors';

/** The HTTP status of a failed call, when it came from the backend. */
export function statusOf(error: Error): number | undefined {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    return (error as ResponseError).statusCode;
  }
  return undefined;
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
