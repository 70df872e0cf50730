import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import tls from 'node:tls';
import { labPaths } from '../../paths';
import { useLab } from '../../useLab';
import { httpsRequest } from '../../util/https';
import { trustLabCa } from '../../util/tls';
import { OIDC_CALLBACK_PATH, OidcEndpoint } from '.';

jest.setTimeout(60_000);

/** A browser's cookie jar, as far as one sign-in needs. */
class Browser {
  private cookies = new Map<string, string>();

  async get(url: string, init: RequestInit = {}) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
}

const CALLBACK = `http://localhost:7113${OIDC_CALLBACK_PATH}`;

function decodeJwt(jwt: string, keys: JsonWebKey[]) {
  const [header, payload, signature] = jwt.split('.');
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
  const key = keys.find(k => (k as { kid?: string }).kid === kid);
  const valid = crypto.verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    crypto.createPublicKey({ key: key!, format: 'jwk' }),
    Buffer.from(signature, 'base64url'),
  );
  return {
    valid,
    claims: JSON.parse(Buffer.from(payload, 'base64url').toString()),
  };
}

/** Starts an authorization-code sign-in and returns the login page's address. */
async function startSignIn(oidc: OidcEndpoint, browser: Browser) {
  const config = await (await fetch(oidc.metadataUrl)).json();
  const authorize = new URL(config.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: oidc.clientId,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'state-1',
    nonce: 'nonce-1',
  }).toString();
  const res = await browser.get(authorize.href);
  expect(res.status).toBe(303);
  return { config, login: new URL(res.headers.get('location')!, oidc.issuer) };
}

/** The lab's provider, its CA trusted by this process's fetch. */
async function labOidc() {
  const { oidc } = await useLab(['oidc']);
  trustLabCa(oidc.caPem);
  return oidc;
}

describe('lab oidc', () => {
  it('serves its issuer over HTTPS, with a certificate of the lab CA only', async () => {
    const { oidc } = await useLab(['oidc']);
    expect(new URL(oidc.issuer).protocol).toBe('https:');
    // The public roots by name: another test file in this worker may have trusted the lab CA.
    const publicRoots = tls.rootCertificates.join('\n');
    await expect(
      httpsRequest(oidc.metadataUrl, { ca: publicRoots }),
    ).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    const trusted = await httpsRequest(oidc.metadataUrl, { ca: oidc.caPem });
    expect(trusted.status).toBe(200);
  });

  it('publishes its discovery document and keys', async () => {
    const oidc = await labOidc();
    const res = await fetch(oidc.metadataUrl);
    expect(res.status).toBe(200);
    const config = await res.json();
    expect(config).toMatchObject({
      issuer: oidc.issuer,
      authorization_endpoint: `${oidc.issuer}/auth`,
      token_endpoint: `${oidc.issuer}/token`,
      userinfo_endpoint: `${oidc.issuer}/me`,
    });
    expect(config.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile']),
    );
    const jwks = await (await fetch(config.jwks_uri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('signs Alice in through the authorization-code flow, and refuses a wrong password', async () => {
    const oidc = await labOidc();
    const alice = oidc.users.find(u => u.email === 'alice@example.com')!;
    const browser = new Browser();
    const { config, login } = await startSignIn(oidc, browser);

    const form = await browser.get(login.href);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Diehard lab sign-in');

    const submit = (password: string) =>
      browser.get(`${login.href}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: alice.email, password }).toString(),
      });
    const wrong = await submit('not-her-password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong email or password.');

    const right = await submit(alice.password);
    expect(right.status).toBe(303);
    const resumed = await browser.get(
      new URL(right.headers.get('location')!, oidc.issuer).href,
    );
    expect(resumed.status).toBe(303);
    const callback = new URL(resumed.headers.get('location')!);
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('state-1');
    const code = callback.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const token = await fetch(config.token_endpoint, {
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
        redirect_uri: CALLBACK,
      }).toString(),
    });
    expect(token.status).toBe(200);
    const tokens = await token.json();
    expect(tokens.refresh_token).toBeTruthy();

    const jwks = await (await fetch(config.jwks_uri)).json();
    const idToken = decodeJwt(tokens.id_token, jwks.keys);
    expect(idToken.valid).toBe(true);
    expect(idToken.claims).toMatchObject({
      iss: oidc.issuer,
      aud: oidc.clientId,
      nonce: 'nonce-1',
      sub: alice.email,
      email: alice.email,
    });

    const userinfo = await fetch(config.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await userinfo.json()).toEqual({
      sub: alice.email,
      email: alice.email,
      email_verified: true,
      name: 'Alice Martin',
    });
  });

  it("shows the login page in the browser's language: French for French, English otherwise", async () => {
    const oidc = await labOidc();
    const alice = oidc.users.find(u => u.email === 'alice@example.com')!;
    const browser = new Browser();
    const { login } = await startSignIn(oidc, browser);
    const inLanguage = (acceptLanguage: string) => ({
      'accept-language': acceptLanguage,
    });

    const french = await browser.get(login.href, {
      headers: inLanguage('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7'),
    });
    expect(french.status).toBe(200);
    expect(french.headers.get('content-language')).toBe('fr');
    const frenchPage = await french.text();
    expect(frenchPage).toContain('<html lang="fr">');
    expect(frenchPage).toContain('<h1>Connexion au labo Diehard</h1>');
    expect(frenchPage).toContain('<label>Adresse e-mail <input type="email"');
    expect(frenchPage).toContain('<label>Mot de passe <input type="password"');
    expect(frenchPage).toContain('<button type="submit">Se connecter</button>');
    expect(frenchPage).not.toContain('Diehard lab sign-in');

    const wrong = await browser.get(`${login.href}/login`, {
      method: 'POST',
      headers: {
        ...inLanguage('fr'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        email: alice.email,
        password: 'pas-son-mot-de-passe',
      }).toString(),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain(
      'Adresse e-mail ou mot de passe incorrect.',
    );

    // What the browser test's Chromium asks for, and a browser that prefers English
    // to French: the English page, with the labels the browser test looks for.
    for (const acceptLanguage of ['en-US,en;q=0.9', 'fr;q=0.5,en;q=0.8', '']) {
      const english = await browser.get(login.href, {
        headers: inLanguage(acceptLanguage),
      });
      expect(english.headers.get('content-language')).toBe('en');
      const englishPage = await english.text();
      expect(englishPage).toContain('<html lang="en">');
      expect(englishPage).toContain('<h1>Diehard lab sign-in</h1>');
      expect(englishPage).toContain('<label>Email <input type="email"');
      expect(englishPage).toContain('<label>Password <input type="password"');
      expect(englishPage).toContain('<button type="submit">Sign in</button>');
    }
  });

  it('refuses a callback that is not a loopback portal, and keeps secrets out of its log', async () => {
    const oidc = await labOidc();
    const authorize = new URL(`${oidc.issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: oidc.clientId,
      redirect_uri: `https://evil.example${OIDC_CALLBACK_PATH}`,
      response_type: 'code',
      scope: 'openid',
    }).toString();
    const res = await fetch(authorize, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('redirect_uri');

    const log = await fsp.readFile(
      path.join(labPaths().stateDir, 'oidc', 'provider.log'),
      'utf8',
    );
    expect(log).toContain('listening');
    for (const secret of [
      oidc.clientSecret,
      ...oidc.users.map(u => u.password),
    ])
      expect(log).not.toContain(secret);
  });
});
