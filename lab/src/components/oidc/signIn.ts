import { httpsRequest } from '../../util/https';
import { OIDC_CALLBACK_PATH, OidcEndpoint, OidcUser } from '.';

export interface OidcTokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
}

/**
 * Signs `user` in at the lab's provider as a browser would (authorization code flow,
 * login form, code exchanged by the portal's client), trusting the lab CA. For
 * tests that need a real user's ID token, e.g. to reach the lab's API server.
 */
export async function oidcSignIn(
  oidc: OidcEndpoint,
  user: Pick<OidcUser, 'email' | 'password'>,
): Promise<OidcTokens> {
  const cookies = new Map<string, string>();
  const request = async (
    url: string,
    init: {
      method?: string;
      headers?: Record<string, string>;
      body?: string;
    } = {},
  ) => {
    const res = await httpsRequest(url, {
      ca: oidc.caPem,
      ...init,
      headers: {
        ...init.headers,
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      timeoutMs: 10_000,
    });
    for (const line of [res.headers['set-cookie'] ?? []].flat()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  const redirected = (res: { status: number; headers: any }, step: string) => {
    if (res.status !== 303 && res.status !== 302)
      throw new Error(
        `lab oidc sign-in of ${user.email}: ${step} answered ${res.status}`,
      );
    return new URL(String(res.headers.location), oidc.issuer);
  };

  const metadata = JSON.parse(
    (await request(oidc.metadataUrl)).body.toString(),
  );
  const redirectUri = `http://localhost:7007${OIDC_CALLBACK_PATH}`;
  const authorize = new URL(metadata.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: oidc.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'lab',
    nonce: 'lab',
  }).toString();
  const login = redirected(await request(authorize.href), 'authorize');
  const submitted = redirected(
    await request(`${login.href}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        email: user.email,
        password: user.password,
      }).toString(),
    }),
    'login',
  );
  const callback = redirected(await request(submitted.href), 'resume');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`lab oidc sign-in of ${user.email}: no code`);
  const token = await request(metadata.token_endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(
        `${oidc.clientId}:${oidc.clientSecret}`,
      ).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    }).toString(),
  });
  if (token.status !== 200)
    throw new Error(`lab oidc sign-in of ${user.email}: token ${token.status}`);
  const tokens = JSON.parse(token.body.toString());
  return {
    idToken: tokens.id_token,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
  };
}
