export interface Config {
  diehard?: {
    posture?: {
      /**
       * How Helm charts and Kustomize folders found among a service's manifests are
       * rendered before grading (by the scaffolder's `diehard:posture:gate` and the
       * posture backend's manifests source).
       */
      render?: {
        /** The helm 3 binary. Default: `helm` on the backend's PATH. */
        helmPath?: string;
        /** The kustomize 5 binary. Default: `kustomize` on the backend's PATH. */
        kustomizePath?: string;
        /** Longest one render may take. Default: 30. */
        timeoutSeconds?: number;
        /** Largest output of one render, in bytes. Default: 16777216 (16 MiB). */
        maxOutputBytes?: number;
      };
    };
  };
}
