import { ResponseError } from '@backstage/errors';

/** What went wrong, in the backend's words when it sent any. */
export function describeError(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const cause = (error as ResponseError).body?.error?.message;
    if (cause && !cause.startsWith('Request failed')) {
      return `${cause} (${(error as ResponseError).statusCode})`;
    }
  }
  return error.message;
}
