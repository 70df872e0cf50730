export interface Config {
  diehard?: {
    git?: {
      /**
       * Git servers (smart HTTP). `diehard:git:push` publishes to them: a template's
       * remoteUrl must be `<baseUrl>/<owner>/<name>.git` for one of them. The git
       * UrlReader reads every URL under their baseUrl. Credentials only come from here.
       */
      servers?: Array<{
        /** e.g. https://git.example.com (no credentials, no trailing slash needed). */
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
