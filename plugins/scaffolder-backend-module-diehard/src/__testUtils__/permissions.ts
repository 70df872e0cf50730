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

/** Asserts that `permissions` was asked `diehard.kubernetes.apply` on `cluster`. */
export function expectAskedToApply(
  permissions: ReturnType<typeof permissionsAnswering>,
  cluster: string,
) {
  expect(permissions.authorize).toHaveBeenCalledWith(
    [
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'diehard.kubernetes.apply',
        }),
        resourceRef: cluster,
      }),
    ],
    expect.anything(),
  );
}
