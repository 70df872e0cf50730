import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { parseChallenge } from './challenge';
import { HttpTransport } from './http';

export interface RegistryCredentials {
  username: string;
  password: string;
}

/**
 * Answers a registry's 401 challenges: Basic (htpasswd registries) or Bearer (a
 * token service, asked with Basic credentials). Tokens are cached per scope.
 * Neither the password nor a token ever goes into an error message.
 */
export class RegistryAuth {
  private basic = false;
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly registryName: string,
    private readonly transport: HttpTransport,
    private readonly credentials?: RegistryCredentials,
  ) {}

  /** The Authorization header to send for a request needing `scope`, if known yet. */
  header(scope: string): string | undefined {
    if (this.basic) return this.basicHeader();
    return this.tokens.get(scope);
  }

  private basicHeader(): string | undefined {
    if (!this.credentials) return undefined;
    const { username, password } = this.credentials;
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }

  /**
   * Reacts to a 401. Returns true when a retry with new credentials makes sense,
   * throws an AuthenticationError when the credentials themselves were refused.
   */
  async challenge(
    wwwAuthenticate: string | undefined,
    scope: string,
    alreadyRetried: boolean,
  ): Promise<boolean> {
    const c = parseChallenge(wwwAuthenticate);
    // A token the registry accepts, but it does not cover what was asked.
    if (c?.params.error === 'insufficient_scope')
      throw this.notGranted(c.params.scope ?? scope);
    if (alreadyRetried || !c) throw this.refused();
    if (c.scheme === 'basic') {
      if (!this.credentials)
        throw this.refused('no credentials are configured');
      if (this.basic) throw this.refused();
      this.basic = true;
      return true;
    }
    if (c.scheme === 'bearer') {
      const realm = c.params.realm;
      if (!realm) throw this.refused('the token challenge names no realm');
      const url = new URL(realm);
      if (c.params.service) url.searchParams.set('service', c.params.service);
      for (const s of (c.params.scope ?? scope).split(' ')) {
        if (s) url.searchParams.append('scope', s);
      }
      const headers: Record<string, string> = { Accept: 'application/json' };
      const basic = this.basicHeader();
      if (basic) headers.Authorization = basic;
      const res = await this.transport.request({
        method: 'GET',
        url: url.toString(),
        headers,
      });
      if (res.status === 401) throw this.refused();
      if (res.status === 403) {
        throw new NotAllowedError(
          `registry "${this.registryName}" denies ${scope}`,
        );
      }
      if (res.status !== 200) {
        throw new AuthenticationError(
          `registry "${this.registryName}": token service answered HTTP ${res.status}`,
        );
      }
      const body = JSON.parse(res.body.toString('utf8')) as {
        token?: string;
        access_token?: string;
      };
      const token = body.token ?? body.access_token;
      if (!token) throw this.refused('the token service returned no token');
      this.tokens.set(scope, `Bearer ${token}`);
      return true;
    }
    throw this.refused(`unsupported authentication scheme "${c.scheme}"`);
  }

  private notGranted(scope: string) {
    const who = this.credentials
      ? `user "${this.credentials.username}"`
      : 'anonymous';
    const wanted = scope
      .split(' ')
      .map(s => {
        const [type, name, actions = ''] = s.split(':');
        // Registries list the actions in either order; name them in one.
        const named = actions.split(',').sort().join(',');
        return type === 'repository' ? `${named} on repository "${name}"` : s;
      })
      .join(', ');
    return new NotAllowedError(
      `registry "${this.registryName}" does not grant ${who} ${wanted} (its token service left it out of the token)`,
    );
  }

  private refused(reason?: string) {
    const who = this.credentials
      ? ` for user "${this.credentials.username}"`
      : '';
    return new AuthenticationError(
      `registry "${
        this.registryName
      }" refused the configured credentials${who}${
        reason ? `: ${reason}` : ''
      }`,
    );
  }
}
