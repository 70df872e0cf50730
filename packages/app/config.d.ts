export interface Config {
  diehard?: {
    /**
     * How people sign in: `guest` (the embedded default) or `oidc` (the company's
     * OpenID Connect provider, auth.providers.oidc).
     * @visibility frontend
     */
    signInProvider?: 'guest' | 'oidc';
  };
}
