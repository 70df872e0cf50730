export interface Config {
  /** Diehard: the registries images are built from and pushed to. */
  diehard?: {
    /**
     * Registries images are built from and pushed to (the scaffolder's
     * `diehard:image:*` actions). Templates
     * name one by `name`; hosts and credentials never come from template input.
     */
    registries?: Array<{
      /** Name templates use, e.g. "internal". */
      name: string;
      /** host[:port] as in image references. */
      host: string;
      username?: string;
      /**
       * Password or token for `username`.
       * @visibility secret
       */
      password?: string;
      /** Path of a PEM CA bundle the registry's certificate chains to. */
      caFile?: string;
      /** The PEM CA bundle itself (instead of caFile). */
      ca?: string;
      /** Plain HTTP instead of HTTPS (loopback development registries only). */
      plainHttp?: boolean;
    }>;
  };
}
