import crypto from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import { CertFiles } from '../testUtils/selfSignedCert';

/** What a user may do, per repository name prefix (`''` = every repository). */
export interface TokenUser {
  password: string;
  /** e.g. `{ '': ['pull'] }` or `{ 'team/': ['pull', 'push'] }` */
  grants: Record<string, string[]>;
}

/**
 * A token service as the Docker registry token spec describes it (GET
 * `/token?service=…&scope=repository:<name>:<actions>`, HTTP Basic credentials):
 * it refuses unknown users and wrong passwords with 401 and otherwise returns a JWT
 * granting the requested actions the user holds — possibly fewer than asked, as the
 * spec says; the registry then answers `insufficient_scope`.
 *
 * The JWT is ES256, signed with `signing`'s key and naming it by its libtrust key
 * id (`kid`), which is how docker-registry 2.8 matches it against its
 * `auth.token.rootcertbundle`. It is signed with node:crypto: `jose` is in the tree
 * only as a transitive dependency, and one JWS is a dozen lines; the real registry
 * is the verifier, so a wrong signature fails the tests rather than passing them.
 */
export class TokenServer {
  /** Requests answered, with the user and scopes asked (never the password). */
  readonly requests: { user?: string; scopes: string[]; status: number }[] = [];
  private server?: https.Server;
  private readonly kid: string;

  constructor(
    private readonly options: {
      tls: CertFiles;
      signing: CertFiles;
      issuer: string;
      service: string;
      users: Record<string, TokenUser>;
    },
  ) {
    this.kid = libtrustKeyId(options.signing.certPem);
  }

  async start(): Promise<string> {
    this.server = https.createServer(
      { cert: this.options.tls.certPem, key: this.options.tls.keyPem },
      (req, res) => {
        const url = new URL(req.url ?? '/', 'https://127.0.0.1');
        const scopes = url.searchParams.getAll('scope');
        const user = this.authenticate(req.headers.authorization);
        const answer = (status: number, body: object) => {
          this.requests.push({ user: user?.name, scopes, status });
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (url.pathname !== '/token') return answer(404, {});
        if (!user) return answer(401, { details: 'bad credentials' });
        if (url.searchParams.get('service') !== this.options.service)
          return answer(400, { details: 'unknown service' });
        const access = scopes
          .flatMap(s => s.split(' '))
          .flatMap(scope => {
            const [type, name, actions] = scope.split(':');
            if (type !== 'repository' || !name || !actions) return [];
            const held = Object.entries(user.grants)
              .filter(([prefix]) => name.startsWith(prefix))
              .flatMap(([, a]) => a);
            const granted = actions.split(',').filter(a => held.includes(a));
            return granted.length ? [{ type, name, actions: granted }] : [];
          });
        return answer(200, {
          token: this.sign(user.name, access),
          expires_in: 300,
          issued_at: new Date().toISOString(),
        });
      },
    );
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as net.AddressInfo;
    return `https://127.0.0.1:${port}/token`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private authenticate(header: string | undefined) {
    const m = /^Basic (.+)$/.exec(header ?? '');
    if (!m) return undefined;
    const text = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = text.indexOf(':');
    const name = text.slice(0, colon);
    const user = this.options.users[name];
    if (colon < 0 || !user) return undefined;
    const given = Buffer.from(text.slice(colon + 1));
    const expected = Buffer.from(user.password);
    if (
      given.length !== expected.length ||
      !crypto.timingSafeEqual(given, expected)
    )
      return undefined;
    return { name, grants: user.grants };
  }

  private sign(subject: string, access: object[]): string {
    const now = Math.floor(Date.now() / 1000);
    const b64 = (v: object | Buffer) =>
      (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString(
        'base64url',
      );
    const input = `${b64({ typ: 'JWT', alg: 'ES256', kid: this.kid })}.${b64({
      iss: this.options.issuer,
      sub: subject,
      aud: this.options.service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: crypto.randomUUID(),
      access,
    })}`;
    const signature = crypto.sign('sha256', Buffer.from(input), {
      key: this.options.signing.keyPem,
      dsaEncoding: 'ieee-p1363', // JWS wants r||s, not DER
    });
    return `${input}.${b64(signature)}`;
  }
}

/**
 * libtrust's key id: the SHA-256 of the DER public key, first 240 bits, base32,
 * in groups of four joined by ':'.
 */
export function libtrustKeyId(certPem: string): string {
  const der = new crypto.X509Certificate(certPem).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  const bytes = crypto
    .createHash('sha256')
    .update(der)
    .digest()
    .subarray(0, 30);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5)
    out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out.match(/.{4}/g)!.join(':');
}
