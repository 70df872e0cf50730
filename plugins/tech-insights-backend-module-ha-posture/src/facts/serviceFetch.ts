import { AuthService } from '@backstage/backend-plugin-api';

/** A fetch that calls `targetPluginId` as this backend (a service principal). */
export async function serviceFetch(
  auth: AuthService,
  targetPluginId: string,
): Promise<{ fetch: typeof fetch }> {
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId,
  });
  return {
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...init?.headers, Authorization: `Bearer ${token}` },
      }),
  };
}
