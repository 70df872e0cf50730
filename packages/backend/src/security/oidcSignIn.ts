import type { OidcUser } from '@diehard/lab';

/** Cookies per origin, as far as one sign-in needs (no path or expiry rules). */
class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    this.cookies.set(origin, jar);
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
}

/** The message the callback page posts to the app (URI-encoded JSON in the page). */
function decodeFrame(html: string): string {
  const match = /authResponse = decodeURIComponent\('([^']*)'\)/.exec(html);
  return match ? decodeURIComponent(match[1]) : html;
}

async function expectRedirect(res: Response, step: string): Promise<string> {
  if (res.status < 300 || res.status >= 400) {
    throw new Error(
      `OIDC sign-in, ${step}: expected a redirect, got ${res.status} ${(
        await res.text()
      ).slice(0, 300)}`,
    );
  }
  return new URL(res.headers.get('location')!, res.url).href;
}

/**
 * Signs `user` in to the portal the way the browser does (Backstage's OIDC start,
 * the lab provider's login form, the callback, then the app's session refresh) and
 * returns their Backstage token.
 */
export async function oidcToken(
  baseUrl: string,
  user: OidcUser,
  env = 'development',
): Promise<string> {
  const browser = new CookieJar();
  const start = new URL(`${baseUrl}/api/auth/oidc/start`);
  start.search = new URLSearchParams({
    scope: 'openid profile email',
    env,
    origin: baseUrl,
    flow: 'popup',
  }).toString();
  const authorize = await expectRedirect(
    await browser.fetch(start.href),
    'portal start',
  );
  const login = await expectRedirect(
    await browser.fetch(authorize),
    'provider authorize',
  );
  const submitted = await browser.fetch(`${login}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email: user.email,
      password: user.password,
    }).toString(),
  });
  const resume = await expectRedirect(submitted, 'login form');
  const callback = await expectRedirect(
    await browser.fetch(resume),
    'provider resume',
  );
  const frame = await browser.fetch(callback);
  const frameText = await frame.clone().text();
  // The callback answers 200 either way; its page carries the error, if any.
  const error = /"type":"authorization_response","error"/.test(
    decodeFrame(frameText),
  );
  if (frame.status !== 200 || error) {
    throw new Error(
      `OIDC sign-in, portal callback: ${frame.status} ${decodeFrame(
        frameText,
      ).slice(0, 500)}`,
    );
  }
  const refresh = await browser.fetch(
    `${baseUrl}/api/auth/oidc/refresh?optional&env=${env}`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  const body = await refresh.json();
  if (!body?.backstageIdentity?.token) {
    throw new Error(
      `OIDC sign-in, session refresh: ${refresh.status} ${JSON.stringify(
        body,
      ).slice(0, 300)}`,
    );
  }
  return body.backstageIdentity.token;
}
