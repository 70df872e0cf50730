import { startPrivateLab } from '../../privateLab';
import { KubernetesLab } from '../../useLab';
import type { OidcEndpoint } from '.';
import { oidcSignIn } from './signIn';

/** A private lab whose Kubernetes API server trusts the lab's OpenID Provider. */
export interface OidcLab {
  kubernetes: KubernetesLab;
  oidc: OidcEndpoint;
  /**
   * The Kubernetes plugin's `kubernetes.clusterLocatorMethods` for this lab's API
   * server as cluster `lab`, read with the signed-in user's ID token from the OIDC
   * provider `lab`.
   */
  clusterLocators: Array<{
    type: 'config';
    clusters: Array<Record<string, string>>;
  }>;
  /** The ID token the provider gives the lab user of `email` when they sign in. */
  idTokenOf(email: string): Promise<string>;
  /**
   * Retries `attempt` until it succeeds, at most `timeoutMs`, then throws its last
   * error: the API server fetches the provider's keys on its own schedule after it
   * starts (wait for a state, not a time).
   */
  untilTrusted(
    attempt: () => Promise<unknown>,
    timeoutMs?: number,
  ): Promise<void>;
  /** Takes the lab down and removes its state. */
  stop(): Promise<void>;
}

/**
 * Starts, for one test file, a private lab of `kubernetes` and `oidc`: its own state
 * directory and its ports shifted by `offset` (clear of the shared labs at 0 and 1000),
 * so that its API server trusts the lab's OpenID Provider from its first start, which
 * one started before that trust existed would not. Test files that use the same
 * offset run one at a time.
 */
export async function startOidcLab(offset: number): Promise<OidcLab> {
  const { kubernetes, oidc, stop } = await startPrivateLab(offset, [
    'kubernetes',
    'oidc',
  ]);
  return {
    kubernetes,
    oidc,
    clusterLocators: [
      {
        type: 'config',
        clusters: [
          {
            name: 'lab',
            url: kubernetes.server,
            caFile: kubernetes.caFile,
            authProvider: 'oidc',
            oidcTokenProvider: 'lab',
          },
        ],
      },
    ],
    async idTokenOf(email) {
      const user = oidc.users.find(u => u.email === email);
      if (!user)
        throw new Error(`the lab's OpenID Provider has no user ${email}`);
      return (await oidcSignIn(oidc, user)).idToken;
    },
    async untilTrusted(attempt, timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const outcome = await attempt().then(
          () => undefined,
          (error: unknown) => error ?? new Error('failed'),
        );
        if (outcome === undefined) return;
        if (Date.now() > deadline) throw outcome;
        await new Promise(resolve => setTimeout(resolve, 1000));
      }
    },
    stop,
  };
}
