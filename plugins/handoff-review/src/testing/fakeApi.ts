import { ResponseError } from '@backstage/errors';
import type { HandoffReviewApi } from '../api';
import { history } from './fixtures';

/** A HandoffReviewApi of jest mocks; each test gives the answers it needs. */
export function fakeHandoffReviewApi(
  overrides: Partial<HandoffReviewApi> = {},
): jest.Mocked<HandoffReviewApi> {
  return {
    openReview: jest.fn(),
    listReviews: jest.fn(async () => []),
    getReview: jest.fn(),
    applyChange: jest.fn(),
    getHistory: jest.fn(async () => history),
    exportMarkdown: jest.fn(async () => '# Handoff review\n'),
    ...overrides,
  } as jest.Mocked<HandoffReviewApi>;
}

/** The error the client throws when the backend answers `status` with `message`. */
export async function backendError(
  status: number,
  name: string,
  message: string,
  /** What the backend says as data next to its message (a refusal's reason). */
  details: Record<string, unknown> = {},
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message, ...details },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}
