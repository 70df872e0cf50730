import { addTodoBody } from './todoForm';
import type { IngressStandIn } from './ingressStandIn';

/** One request of a virtual user, as it ended. */
export interface Outcome {
  user: number;
  kind: 'session' | 'write';
  ok: boolean;
  status: number;
  /** When it was sent and when it ended (ms, Date.now()). */
  sentAt: number;
  at: number;
  upstream: string;
}

export interface UserState {
  cookie?: string;
  visits: number;
  /** Session losses this user saw: a new session, or a count that went back. */
  sessionLosses: string[];
  /** Titles of the todos the service acknowledged (302). */
  acknowledged: string[];
}

/**
 * N virtual users behind the ingress, each with its own session cookie, each looping:
 * read its session visit counter (GET /session, +1 per request, must never go back) and
 * add a todo (POST /, acknowledged by the 302). Every outcome is recorded.
 */
export class VirtualUsers {
  readonly outcomes: Outcome[] = [];
  readonly users: UserState[];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly ingress: IngressStandIn,
    private readonly runId: string,
    count: number,
    private readonly thinkMs = 50,
  ) {
    this.users = Array.from({ length: count }, () => ({
      visits: 0,
      sessionLosses: [],
      acknowledged: [],
    }));
  }

  start() {
    this.running = true;
    this.loops = this.users.map((_, i) => this.loop(i));
  }

  /** Lets every user finish the request in flight, then stops. */
  async stop() {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Successful requests of a kind, per user, that ended after `since`. */
  successesSince(kind: Outcome['kind'], since: number): number[] {
    const counts = this.users.map(() => 0);
    for (const o of this.outcomes)
      if (o.ok && o.kind === kind && o.at > since) counts[o.user]++;
    return counts;
  }

  private async loop(i: number) {
    const user = this.users[i];
    for (let seq = 0; this.running; seq++) {
      await this.readSession(i, user);
      const title = `${this.runId} user ${i} #${seq}`;
      const form = addTodoBody(title);
      const sentAt = Date.now();
      const r = await this.ingress.send('/', {
        method: 'POST',
        headers: {
          'content-type': form.contentType,
          ...(user.cookie ? { cookie: user.cookie } : {}),
        },
        body: form.body,
      });
      this.record(i, 'write', sentAt, r.status === 302, r.status, r.upstream);
      if (r.status === 302) user.acknowledged.push(title);
      await new Promise(res => setTimeout(res, this.thinkMs));
    }
  }

  private async readSession(i: number, user: UserState) {
    const sentAt = Date.now();
    const r = await this.ingress.send('/session', {
      headers: user.cookie ? { cookie: user.cookie } : {},
    });
    const ok = r.status === 200;
    this.record(i, 'session', sentAt, ok, r.status, r.upstream);
    if (!ok) return;
    const body = JSON.parse(r.body);
    const cookie = r.headers['set-cookie']
      ? String(r.headers['set-cookie']).split(';')[0]
      : undefined;
    if (user.cookie && cookie && cookie !== user.cookie)
      user.sessionLosses.push(
        `new session on ${r.upstream} after ${user.visits} visits`,
      );
    else if (user.cookie && body.visits <= user.visits)
      user.sessionLosses.push(
        `count went from ${user.visits} to ${body.visits} on ${r.upstream}`,
      );
    user.cookie = cookie ?? user.cookie;
    user.visits = body.visits;
  }

  private record(
    user: number,
    kind: Outcome['kind'],
    sentAt: number,
    ok: boolean,
    status: number,
    upstream: string,
  ) {
    this.outcomes.push({
      user,
      kind,
      ok,
      status,
      sentAt,
      at: Date.now(),
      upstream,
    });
  }
}
