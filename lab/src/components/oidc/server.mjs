// The lab's OpenID Provider: panva's oidc-provider (certified OpenID Connect) with a
// login page of our own that checks the demo users' passwords. Started by the lab as
// `node server.mjs <config.json>`; the config (client secret, password hashes, signing
// key) is written by lab/src/components/oidc/index.ts and never logged.
import fs from 'node:fs';
import https from 'node:https';
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
    const lang = pickLanguage(ctx.get('accept-language'));
    ctx.type = 'html';
    ctx.set('content-language', lang);
    ctx.vary('accept-language');
    ctx.body = errorPage(lang, `${out.error}: ${out.error_description ?? ''}`);
  },
});
provider.proxy = false;

const baseRedirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(
  value,
) {
  return baseRedirectUriAllowed.call(this, value) || isLoopbackCallback(value);
};

/**
 * What the login and error pages say, in the languages of the portal's users. The
 * page follows the browser's Accept-Language; English when it asks for neither.
 */
const MESSAGES = {
  en: {
    signIn: 'Diehard lab sign-in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    wrongPassword: 'Wrong email or password.',
    errorTitle: 'Sign-in error',
    expired: 'This sign-in has expired; start again from the portal.',
    methodNotAllowed: 'Method not allowed.',
    failed: message => `${message}; start again from the portal.`,
  },
  fr: {
    signIn: 'Connexion au labo Diehard',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    wrongPassword: 'Adresse e-mail ou mot de passe incorrect.',
    errorTitle: 'Erreur de connexion',
    expired: 'Cette connexion a expiré\u00a0; recommencez depuis le portail.',
    methodNotAllowed: 'Méthode non autorisée.',
    failed: message => `${message}\u00a0; recommencez depuis le portail.`,
  },
};

/**
 * The language of the page for an Accept-Language header (`fr-FR,fr;q=0.9,en;q=0.8`):
 * the supported language the browser prefers most, English otherwise.
 */
function pickLanguage(acceptLanguage) {
  const wanted = String(acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params
        .map(p => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p))
        .find(Boolean);
      return {
        language: tag.trim().toLowerCase().split('-')[0],
        q: q ? Number(q[1]) : 1,
        index,
      };
    })
    .filter(w => w.q > 0 && Object.hasOwn(MESSAGES, w.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return wanted[0]?.language ?? 'en';
}

function escape(text) {
  return String(text).replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[
        c
      ]),
  );
}

function page(lang, title, body) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(
    title,
  )}</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto}label{display:block;margin:.8rem 0}input{width:100%;padding:.4rem}button{padding:.5rem 1rem}[role=alert]{color:#b00020}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function errorPage(lang, message) {
  return page(
    lang,
    MESSAGES[lang].errorTitle,
    `<p role="alert">${escape(message)}</p>`,
  );
}

function loginPage(lang, uid, { email = '', error } = {}) {
  const t = MESSAGES[lang];
  return page(
    lang,
    t.signIn,
    `${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>${escape(
      t.email,
    )} <input type="email" name="email" autocomplete="username" value="${escape(
      email,
    )}" required autofocus></label>
<label>${escape(
      t.password,
    )} <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">${escape(t.submit)}</button>
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

function send(res, status, lang, html) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-language': lang,
    vary: 'Accept-Language',
    'cache-control': 'no-store',
  });
  res.end(html);
}

async function handleInteraction(req, res, lang, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid)
    return send(res, 400, lang, errorPage(lang, MESSAGES[lang].expired));
  if (req.method === 'GET' && !action) {
    return send(res, 200, lang, loginPage(lang, uid));
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
        lang,
        loginPage(lang, uid, { email, error: MESSAGES[lang].wrongPassword }),
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
  return send(res, 405, lang, errorPage(lang, MESSAGES[lang].methodNotAllowed));
}

const callback = provider.callback();
// HTTPS with a certificate of the lab CA: the Kubernetes API server trusts an https
// issuer only.
const tls = {
  cert: fs.readFileSync(config.tls.certFile),
  key: fs.readFileSync(config.tls.keyFile),
};
const server = https.createServer(tls, (req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec(
    new URL(req.url, config.issuer).pathname,
  );
  if (!match) {
    callback(req, res);
    return;
  }
  const lang = pickLanguage(req.headers['accept-language']);
  handleInteraction(req, res, lang, match[1], match[2]).catch(err => {
    console.error(`interaction failed: ${err.message}`);
    if (!res.headersSent) {
      send(res, 400, lang, errorPage(lang, MESSAGES[lang].failed(err.message)));
    }
  });
});
server.listen(config.port, config.host, () => {
  console.log(
    `oidc provider ${config.issuer} listening on ${config.host}:${config.port}`,
  );
});
