export interface Config {
  diehard?: {
    git?: {
      /**
       * Git servers (smart HTTP) that templates publish to (see
       * `@diehard/plugin-scaffolder-backend-module-diehard`); the UrlReader of this
       * package reads every URL under their baseUrl with these credentials.
       */
      servers?: Array<{
        /** e.g. https://git.example.com (no credentials). */
        baseUrl: string;
        username: string;
        /**
         * Password or token of `username`.
         * @visibility secret
         */
        password: string;
        /**
         * Raw URL of a file: placeholders {baseUrl}, {repo} (owner/name), {branch},
         * {path}; `{branch}/{path}` must end it. Default
         * "{baseUrl}/{repo}/raw/{branch}/{path}" (the lab's git server).
         */
        rawUrl?: string;
      }>;
    };
  };
}
