/** One request of a simulated portal user, as it ended. */
export interface PortalOutcome {
  user: number;
  kind: 'browse' | 'posture' | 'refresh' | 'review-read' | 'review-change';
  /** Answered as the product should (a 409 on a stale version, a 429 is an answer). */
  ok: boolean;
  /** 0 when no HTTP answer came (connection refused, reset, closed). */
  status: number;
  error?: string;
  sentAt: number;
  at: number;
}

export interface PortalUsersOptions {
  ingressUrl: string;
  tokens: string[];
  reviewId: string;
  entities: string[];
  runId: string;
  thinkMs?: number;
  /** Per request: a user gives up on a request after this long, as a browser tab would. */
  requestTimeoutMs?: number;
}

/**
 * Signed-in users of the portal behind its ingress, each looping: browse the catalog,
 * read an entity's posture, ask for a refresh now and then, then comment on one shared
 * handoff review with the version it just read (a 409 means someone else was first: the
 * user reloads on the next turn, as the UI says). Every outcome is recorded, and every
 * comment the portal acknowledged (200) is kept to be looked up in the history.
 */
export class PortalUsers {
  readonly outcomes: PortalOutcome[] = [];
  /** Comment texts the portal acknowledged. */
  readonly acknowledged: string[] = [];
  /** Comments whose answer never came (may or may not have been recorded). */
  readonly inDoubt: string[] = [];
  conflicts = 0;
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(private readonly options: PortalUsersOptions) {}

  start() {
    this.running = true;
    this.loops = this.options.tokens.map((_, i) => this.loop(i));
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(user: number) {
    const { entities, reviewId, runId } = this.options;
    for (let seq = 0; this.running; seq++) {
      const [kind, namespace, name] =
        entities[seq % entities.length].split(/[:/]/);
      await this.send(
        user,
        'browse',
        '/api/catalog/entities/by-query?limit=20&filter=kind=component&fields=metadata.name,metadata.annotations,spec.owner',
      );
      await this.send(
        user,
        'posture',
        `/api/ha-posture/entities/${kind}/${namespace}/${name}`,
      );
      if (seq % 3 === user % 3) {
        await this.send(
          user,
          'refresh',
          `/api/ha-posture/entities/${kind}/${namespace}/${name}/refresh`,
          { method: 'POST' },
        );
      }
      const read = await this.send(
        user,
        'review-read',
        `/api/handoff-review/reviews/${reviewId}`,
      );
      if (read.ok && read.body) {
        const text = `${runId} user ${user} #${seq}`;
        const change = await this.send(
          user,
          'review-change',
          `/api/handoff-review/reviews/${reviewId}/changes`,
          {
            method: 'POST',
            body: JSON.stringify({
              version: read.body.version,
              change: { action: 'comment', itemId: 'dev-load-tested', text },
            }),
          },
        );
        if (change.status === 200) this.acknowledged.push(text);
        else if (change.status === 409) this.conflicts++;
        else if (change.status === 0 || change.status >= 500)
          this.inDoubt.push(text);
      }
      await new Promise(r => setTimeout(r, this.options.thinkMs ?? 100));
    }
  }

  private async send(
    user: number,
    kind: PortalOutcome['kind'],
    route: string,
    init: RequestInit = {},
  ): Promise<{ ok: boolean; status: number; body?: any }> {
    const sentAt = Date.now();
    let status = 0;
    let body: any;
    let error: string | undefined;
    try {
      const response = await fetch(`${this.options.ingressUrl}${route}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${this.options.tokens[user]}`,
          'Content-Type': 'application/json',
        },
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
      });
      status = response.status;
      const text = await response.text();
      body = text && response.ok ? JSON.parse(text) : undefined;
      if (!response.ok) error = text.slice(0, 200);
    } catch (e) {
      error = String((e as Error).cause ?? e);
    }
    const ok =
      (status >= 200 && status < 300) ||
      (kind === 'review-change' && status === 409) ||
      (kind === 'refresh' && status === 429);
    this.outcomes.push({
      user,
      kind,
      ok,
      status,
      error: ok ? undefined : error,
      sentAt,
      at: Date.now(),
    });
    return { ok, status, body };
  }
}

/** The longest time a user went without any answered request, over all users (ms). */
export function longestInterruption(
  outcomes: PortalOutcome[],
  users: number,
  from: number,
  to: number,
): { ms: number; user: number; endedAt: number } {
  let worst = { ms: 0, user: -1, endedAt: 0 };
  for (let u = 0; u < users; u++) {
    let last = from;
    const times = outcomes
      .filter(o => o.user === u && o.ok && o.at >= from && o.at <= to)
      .map(o => o.at)
      .sort((a, b) => a - b);
    for (const t of [...times, to]) {
      if (t - last > worst.ms) worst = { ms: t - last, user: u, endedAt: t };
      last = t;
    }
  }
  return worst;
}
