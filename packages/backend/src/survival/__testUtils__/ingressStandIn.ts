import { HttpResult, request } from '../../templates/__testUtils__/http';

export interface Upstream {
  name: string;
  url: string;
}

export interface IngressResult extends HttpResult {
  /** The upstream that answered ('' when none did). */
  upstream: string;
}

/** As the generated readinessProbe: every 5 s, 3 s timeout, out after 3 failures. */
const PROBE = { periodMs: 5_000, timeoutMs: 3_000, failureThreshold: 3 };

/**
 * What an ingress controller does in front of the pods, in a few lines: it sends each
 * request to the next ready upstream (round robin; "ready" as the Deployment's
 * readinessProbe decides, polled the same way), and, like nginx's
 * `proxy_next_upstream error` on a refused connection, tries the next upstream when one
 * refuses the connection. Anything else (a reset after the request was sent, a 5xx, a
 * timeout) goes back to the client: nginx does not resend a non-idempotent request.
 */
export class IngressStandIn {
  private next = 0;
  private readonly failures = new Map<string, number>();
  private readonly ready = new Set<string>();
  private timer?: NodeJS.Timeout;
  /** Requests handed to the next upstream after a refused connection. */
  retriedOnRefusal = 0;

  constructor(private readonly upstreams: Upstream[]) {}

  private async probe(u: Upstream) {
    const ok = await Promise.race([
      request(`${u.url}/health/ready`).then(r => r.status === 200),
      new Promise<boolean>(r => setTimeout(() => r(false), PROBE.timeoutMs)),
    ]).catch(() => false);
    if (ok) {
      this.failures.set(u.name, 0);
      this.ready.add(u.name);
    } else {
      const n = (this.failures.get(u.name) ?? 0) + 1;
      this.failures.set(u.name, n);
      if (n >= PROBE.failureThreshold) this.ready.delete(u.name);
    }
  }

  /** Probes every upstream now, then every period until stop(). */
  async start() {
    await Promise.all(this.upstreams.map(u => this.probe(u)));
    this.timer = setInterval(() => {
      for (const u of this.upstreams) this.probe(u).catch(() => undefined);
    }, PROBE.periodMs);
  }

  stop() {
    clearInterval(this.timer);
  }

  readyUpstreams(): string[] {
    return this.upstreams.filter(u => this.ready.has(u.name)).map(u => u.name);
  }

  async send(
    path: string,
    options: Parameters<typeof request>[1] = {},
  ): Promise<IngressResult> {
    const ready = this.upstreams.filter(u => this.ready.has(u.name));
    if (ready.length === 0)
      return synthetic(503, 'no ready upstream (no endpoints)');
    const start = this.next++ % ready.length;
    for (let i = 0; i < ready.length; i++) {
      const u = ready[(start + i) % ready.length];
      try {
        return {
          ...(await request(`${u.url}${path}`, options)),
          upstream: u.name,
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ECONNREFUSED') {
          return synthetic(502, `${u.name}: ${(e as Error).message}`);
        }
        this.retriedOnRefusal++;
      }
    }
    return synthetic(502, 'every upstream refused the connection');
  }
}

function synthetic(status: number, body: string): IngressResult {
  return {
    status,
    headers: {},
    body,
    raw: Buffer.from(body),
    upstream: '',
  };
}
