/** Signs in as the guest user, the way the frontend does, and returns a bearer token. */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `guest sign-in failed: ${response.status} ${await response.text()}`,
    );
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}
