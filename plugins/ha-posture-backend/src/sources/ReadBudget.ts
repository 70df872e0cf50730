import { Config } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { MANIFESTS_PATH_ANNOTATION } from './manifestsLocation';

/** How much of a repository one evaluation may read. */
export interface ManifestLimits {
  /** Files and folders under the manifests folder. */
  maxFiles: number;
  /** Bytes of the manifests and Tomcat files read. */
  maxBytes: number;
  timeoutMs: number;
}

export function readManifestLimits(config: Config): ManifestLimits {
  const c = config.getOptionalConfig('haPosture.manifests');
  return {
    maxFiles: c?.getOptionalNumber('maxFiles') ?? 500,
    maxBytes: c?.getOptionalNumber('maxBytes') ?? 5_000_000,
    timeoutMs: (c?.getOptionalNumber('timeoutSeconds') ?? 20) * 1000,
  };
}

/** Counts what one read takes against the limits, and ends it at its deadline. */
export class ReadBudget {
  private entries = 0;
  private bytes = 0;
  private readonly controller = new AbortController();

  constructor(
    private readonly shown: string,
    private readonly limits: ManifestLimits,
  ) {}

  /** A budget of the same limits, counted apart. */
  fresh() {
    return new ReadBudget(this.shown, this.limits);
  }

  get signal() {
    return this.controller.signal;
  }

  countEntry() {
    this.countEntries(1);
  }

  countEntries(n: number) {
    this.check();
    this.entries += n;
    if (this.entries > this.limits.maxFiles) {
      throw new InputError(
        `the manifests folder "${this.shown}" named by ${MANIFESTS_PATH_ANNOTATION} holds more than ${this.limits.maxFiles} files and folders (haPosture.manifests.maxFiles)`,
      );
    }
  }

  countBytes(n: number) {
    this.check();
    this.bytes += n;
    if (this.bytes > this.limits.maxBytes) {
      throw new InputError(
        `the manifests folder "${this.shown}" named by ${MANIFESTS_PATH_ANNOTATION} holds more than ${this.limits.maxBytes} bytes of manifests (haPosture.manifests.maxBytes)`,
      );
    }
  }

  async within<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.controller.abort();
        reject(this.timeout());
      }, this.limits.timeoutMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      // Stops a walk still under way once the answer is given.
      this.controller.abort();
      work.catch(() => {});
    }
  }

  private check() {
    if (this.controller.signal.aborted) throw this.timeout();
  }

  private timeout() {
    return new ServiceUnavailableError(
      `reading the manifests folder "${
        this.shown
      }" named by ${MANIFESTS_PATH_ANNOTATION} took longer than ${
        this.limits.timeoutMs / 1000
      } s (haPosture.manifests.timeoutSeconds)`,
    );
  }
}
