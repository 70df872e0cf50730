import https from 'node:https';
import { KubeClient } from '@diehard/plugin-scaffolder-backend-module-diehard';

/** One request of the load, as its client saw it. */
export interface ApiOutcome {
  client: string;
  kind: 'read' | 'write';
  start: number;
  end: number;
  ok: boolean;
  why?: string;
}

/** A client of the API through the virtual address: `send` resolves with the HTTP status. */
export interface ApiClient {
  name: string;
  send(
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<number>;
  close(): void;
}

/** As kubectl in a shell loop: a new connection (and TLS handshake) per request, HTTP/1.1. */
export function connectionPerRequest(
  name: string,
  o: { server: string; token: string; caPem: string },
): ApiClient {
  return {
    name,
    close: () => {},
    send: (method, path, body, contentType = 'application/json') =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = https.request(
          `${o.server}${path}`,
          {
            method,
            agent: false,
            ca: o.caPem,
            timeout: 10_000,
            headers: {
              authorization: `Bearer ${o.token}`,
              accept: 'application/json',
              ...(payload ? { 'content-type': contentType } : {}),
            },
          },
          res => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
          },
        );
        req.on('timeout', () =>
          req.destroy(new Error('no answer within 10 s')),
        );
        req.on('error', reject);
        req.end(payload);
      }),
  };
}

/** As the portal's apply action: the repo's KubeClient, one kept HTTP/2 connection. */
export function keptConnection(
  name: string,
  o: { server: string; token: string; caPem: string },
): ApiClient & { kube: KubeClient } {
  const kube = new KubeClient({
    server: o.server,
    token: o.token,
    ca: o.caPem,
  });
  return {
    name,
    kube,
    close: () => kube.close(),
    send: async (method, path, body, contentType) => {
      try {
        await kube.request(method, path, body, contentType);
        return 200;
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (status) return status;
        throw e;
      }
    },
  };
}

/**
 * The longest time a client went without an answer: from the start of a failed
 * request to the end of its next success (Infinity when it ends failing).
 */
export function longestFailedWindow(outcomes: ApiOutcome[]): number {
  let longest = 0;
  let failedSince: number | undefined;
  for (const o of [...outcomes].sort((a, b) => a.start - b.start)) {
    if (!o.ok) failedSince ??= o.start;
    else if (failedSince !== undefined) {
      longest = Math.max(longest, o.end - failedSince);
      failedSince = undefined;
    }
  }
  return failedSince === undefined ? longest : Infinity;
}

/**
 * A steady stream of API requests through the virtual address: each client in turn
 * lists the Deployment's pods (a read) and adds an annotation of its own to the
 * Deployment (a write, `load.diehard.io/<client>-<n>`), then waits `intervalMs`.
 * Every acknowledged write is kept, to be looked for afterwards.
 */
export class ApiLoad {
  readonly outcomes: ApiOutcome[] = [];
  /** Annotation keys of the writes the API acknowledged (200). */
  readonly acknowledged: string[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly clients: ApiClient[],
    private readonly target: {
      namespace: string;
      deployment: string;
      podSelector: string;
    },
    private readonly intervalMs = 50,
  ) {}

  start() {
    this.running = true;
    this.loops = this.clients.map(c => this.loop(c));
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops);
    for (const c of this.clients) c.close();
  }

  /** Successful requests of each kind per client since `t`. */
  successesSince(t: number) {
    return this.clients.map(c => ({
      client: c.name,
      read: this.outcomes.filter(
        o => o.client === c.name && o.ok && o.kind === 'read' && o.start >= t,
      ).length,
      write: this.outcomes.filter(
        o => o.client === c.name && o.ok && o.kind === 'write' && o.start >= t,
      ).length,
    }));
  }

  /** Resolves once every client made `n` successful reads and writes since `t`. */
  async everyClient(n: number, t: number, timeoutMs: number, what: string) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = this.successesSince(t);
      if (counts.every(c => c.read >= n && c.write >= n)) return;
      if (Date.now() > deadline)
        throw new Error(
          `${what}: not every client made ${n} successful reads and writes within ${
            timeoutMs / 1000
          } s: ${JSON.stringify(counts)}; last failure: ${
            this.outcomes.filter(o => !o.ok).slice(-1)[0]?.why ?? 'none'
          }`,
        );
      await new Promise(r => setTimeout(r, 100));
    }
  }

  /**
   * Per client, for the requests that ended between `from` (a failure) and `to`:
   * requests, failed, the longest failed window (counted from `from` for a request
   * already in flight then), the first failure's cause.
   */
  figures(from: number, to: number) {
    return this.clients.map(c => {
      const mine = this.outcomes
        .filter(o => o.client === c.name && o.end > from && o.end <= to)
        .map(o => ({ ...o, start: Math.max(o.start, from) }));
      const failed = mine.filter(o => !o.ok);
      return {
        client: c.name,
        total: mine.length,
        failed: failed.length,
        longestFailedWindowMs: longestFailedWindow(mine),
        firstFailure: failed[0]?.why,
      };
    });
  }

  private async loop(c: ApiClient) {
    const { namespace, deployment, podSelector } = this.target;
    let n = 0;
    while (this.running) {
      await this.timed(c, 'read', () =>
        c.send(
          'GET',
          `/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(
            podSelector,
          )}`,
        ),
      );
      n++;
      const key = `load.diehard.io/${c.name}-${n}`;
      const patch = { metadata: { annotations: { [key]: String(n) } } };
      const ok = await this.timed(c, 'write', () =>
        c.send(
          'PATCH',
          `/apis/apps/v1/namespaces/${namespace}/deployments/${deployment}`,
          patch,
          'application/merge-patch+json',
        ),
      );
      if (ok) this.acknowledged.push(key);
      await new Promise(r => setTimeout(r, this.intervalMs));
    }
  }

  private async timed(
    c: ApiClient,
    kind: ApiOutcome['kind'],
    send: () => Promise<number>,
  ) {
    const start = Date.now();
    let why: string | undefined;
    try {
      const status = await send();
      if (status !== 200) why = `HTTP ${status}`;
    } catch (e) {
      why = (e as Error).message;
    }
    this.outcomes.push({
      client: c.name,
      kind,
      start,
      end: Date.now(),
      ok: !why,
      why,
    });
    return !why;
  }
}
