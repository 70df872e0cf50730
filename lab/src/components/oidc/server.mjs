// The lab's OpenID Provider: panva's oidc-provider (certified OpenID Connect) with a
// login page of our own that checks the demo users' passwords. Started by the lab as
// `node server.mjs <config.json>`; the config (client secret, password hashes, signing
// key) is written by lab/src/components/oidc/index.ts and never logged.
import fs from 'node:fs';
import http from 'node:http';
import { scryptSync, timingSafeEqual } from 'node:crypto';
import Provider from 'oidc-provider';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const users = new Map(config.users.map(u => [u.email, u]));

/** The backend's OIDC callback, on any loopback port (each portal test picks its own). */
const isLoopbackCallback = value => {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'http:' &&
      ['localhost', '127.0.0.1'].includes(url.hostname) &&
      url.pathname === config.callbackPath &&
      !url.search &&
      !url.hash
    );
  } catch {
    return false;
  }
};

const provider = new Provider(config.issuer, {
  clients: [
    {
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: config.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [config.signingKey] },
  cookies: { keys: config.cookieKeys },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  scopes: ['openid', 'offline_access', 'email', 'profile'],
  conformIdTokenClaims: false,
  // In memory (the library's default adapter): a restart signs everyone out, which a
  // lab can afford; keys, client and passwords come from the kept config.
  ttl: {
    Interaction: 600,
    Session: 8 * 3600,
    Grant: 8 * 3600,
    IdToken: 3600,
    AccessToken: 3600,
    RefreshToken: 8 * 3600,
  },
  features: { devInteractions: { enabled: false } },
  interactions: {
    url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  // Backstage keeps a session alive by refreshing: give it a refresh token without
  // asking for offline_access, as a corporate IdP configured for the portal would.
  issueRefreshToken: async (_ctx, client) =>
    client.grantTypeAllowed('refresh_token'),
  async findAccount(_ctx, sub) {
    const user = users.get(sub);
    if (!user) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        email: user.email,
        email_verified: true,
        name: user.name,
      }),
    };
  },
  // The lab has one trusted client: what it asks for is granted without a consent screen.
  async loadExistingGrant(ctx) {
    const { client, session, params } = ctx.oidc;
    if (!session.accountId) return undefined;
    const grant = new provider.Grant({
      clientId: client.clientId,
      accountId: session.accountId,
    });
    grant.addOIDCScope(String(params.scope ?? 'openid'));
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page(
      'Sign-in error',
      `<p role="alert">${escape(out.error)}: ${escape(
        out.error_description ?? '',
      )}</p>`,
    );
  },
});
provider.proxy = false;

const baseRedirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(
  value,
) {
  return baseRedirectUriAllowed.call(this, value) || isLoopbackCallback(value);
};

function escape(text) {
  return String(text).replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[
        c
      ]),
  );
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(
    title,
  )}</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto}label{display:block;margin:.8rem 0}input{width:100%;padding:.4rem}button{padding:.5rem 1rem}[role=alert]{color:#b00020}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function loginPage(uid, { email = '', error } = {}) {
  return page(
    'Diehard lab sign-in',
    `${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Email <input type="email" name="email" autocomplete="username" value="${escape(
      email,
    )}" required autofocus></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>`,
  );
}

function passwordMatches(user, password) {
  const actual = scryptSync(password, Buffer.from(user.salt, 'base64'), 32);
  return timingSafeEqual(actual, Buffer.from(user.passwordHash, 'base64'));
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

async function handleInteraction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid)
    return send(
      res,
      400,
      page(
        'Sign-in error',
        '<p role="alert">This sign-in has expired; start again from the portal.</p>',
      ),
    );
  if (req.method === 'GET' && !action) {
    return send(res, 200, loginPage(uid));
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const email = form.get('email') ?? '';
    const user = users.get(email);
    if (!user || !passwordMatches(user, form.get('password') ?? '')) {
      console.log(`sign-in refused for ${JSON.stringify(email)}`);
      return send(
        res,
        401,
        loginPage(uid, { email, error: 'Wrong email or password.' }),
      );
    }
    console.log(`signed in ${email}`);
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: email } },
      { mergeWithLastSubmission: false },
    );
  }
  return send(
    res,
    405,
    page('Sign-in error', '<p role="alert">Method not allowed.</p>'),
  );
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec(
    new URL(req.url, config.issuer).pathname,
  );
  if (!match) {
    callback(req, res);
    return;
  }
  handleInteraction(req, res, match[1], match[2]).catch(err => {
    console.error(`interaction failed: ${err.message}`);
    if (!res.headersSent) {
      send(
        res,
        400,
        page(
          'Sign-in error',
          `<p role="alert">${escape(
            err.message,
          )}; start again from the portal.</p>`,
        ),
      );
    }
  });
});
server.listen(config.port, config.host, () => {
  console.log(
    `oidc provider ${config.issuer} listening on ${config.host}:${config.port}`,
  );
});
