import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** A permissions service that answers every authorize request with `result`. */
export function permissionsAnswering(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  return mockServices.permissions.mock({
    authorize: jest.fn(async (requests: unknown[]) =>
      requests.map(() => ({ result })),
    ) as any,
  });
}
