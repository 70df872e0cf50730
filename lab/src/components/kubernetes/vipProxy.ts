// A STAND-IN for the virtual address of a multi-master control plane (keepalived's VIP
// in front of haproxy, as in our users' clusters): a TCP proxy on the lab's usual API
// server port that hands each new connection to the next live kube-apiserver, round
// robin, skipping one that refuses or does not answer within a second (and leaving it
// out for a few seconds). TLS passes through untouched: clients see the API servers' own
// certificate. Connections to a server that dies break, as they do behind haproxy;
// clients reconnect through the address. With a health check (the lab's daemon runs
// one), a server that stops answering it (a machine gone silent: connections accepted,
// never answered) leaves the rotation and its connections are closed, as haproxy's
// `check` with `on-marked-down shutdown-sessions` does; it returns once it passes again.
// Run by the lab's kubernetes component as `node vipProxyDaemon.cjs <config.json>`.
import fsp from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/** haproxy's `option httpchk GET <path>`, `check [check-ssl verify none] inter fall rise`. */
export interface HealthCheck {
  path: string;
  /** Over TLS, the certificate unchecked (the check asks liveness, not identity). */
  tls: boolean;
  intervalMs: number;
  timeoutMs: number;
  /** Consecutive failed checks that take a server out. */
  fall: number;
  /** Consecutive passed checks that bring it back. */
  rise: number;
}

export interface VipProxyConfig {
  listen: { host: string; port: number };
  backends: Array<{ host: string; port: number }>;
  /** None unless given; the lab's daemon checks the API servers' /readyz (LAB_HEALTH_CHECK). */
  healthCheck?: HealthCheck | false;
}

/**
 * The daemon's check of the API servers: out after 3 checks a second apart without a
 * ready answer within 800 ms (shorter than the interval, so that no check is skipped).
 */
export const LAB_HEALTH_CHECK: HealthCheck = {
  path: '/readyz',
  tls: true,
  intervalMs: 1_000,
  timeoutMs: 800,
  fall: 3,
  rise: 2,
};

const CONNECT_TIMEOUT_MS = 1_000;
/** How long a backend that refused stays out of the rotation. */
const DOWN_MS = 3_000;

const log = (message: string) =>
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);

/** Listens on `config.listen`; resolves once it accepts connections. */
export function startVipProxy(config: VipProxyConfig): Promise<net.Server> {
  const { backends } = config;
  const downUntil = backends.map(() => 0);
  /** Out of the rotation by the health check. */
  const checkedDown = backends.map(() => false);
  /** The client connections handed to each backend. */
  const sessions = backends.map(() => new Set<net.Socket>());
  let next = 0;

  const candidates = () => {
    const start = next;
    next = (next + 1) % backends.length;
    const order = backends.map((_, k) => (start + k) % backends.length);
    const now = Date.now();
    const up = order.filter(i => downUntil[i] <= now && !checkedDown[i]);
    // All marked down: try them all anyway (one may be back).
    return up.length ? [...up, ...order.filter(i => !up.includes(i))] : order;
  };

  const server = net.createServer(client => {
    client.pause();
    client.on('error', () => {});
    const order = candidates();
    const attempt = (k: number) => {
      if (k >= order.length || client.destroyed) {
        client.destroy();
        return;
      }
      const i = order[k];
      const b = backends[i];
      const upstream = net.connect({ host: b.host, port: b.port });
      const timer = setTimeout(
        () => upstream.destroy(new Error('connect timeout')),
        CONNECT_TIMEOUT_MS,
      );
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        clearTimeout(timer);
        downUntil[i] = 0;
        upstream.setNoDelay(true);
        client.setNoDelay(true);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        sessions[i].add(client);
        client.once('close', () => {
          sessions[i].delete(client);
          upstream.destroy();
        });
        upstream.once('close', () => client.destroy());
      });
      upstream.on('error', (e: NodeJS.ErrnoException) => {
        if (connected) return;
        clearTimeout(timer);
        if (downUntil[i] <= Date.now())
          log(`${b.host}:${b.port} out of rotation (${e.code ?? e.message})`);
        downUntil[i] = Date.now() + DOWN_MS;
        attempt(k + 1);
      });
    };
    attempt(0);
  });
  if (config.healthCheck) {
    const check = config.healthCheck;
    const timers = backends.map((b, i) => {
      let fails = 0;
      let passes = 0;
      let inFlight = false;
      const done = (ok: boolean, why: string) => {
        inFlight = false;
        if (ok) {
          fails = 0;
          if (checkedDown[i] && ++passes >= check.rise) {
            checkedDown[i] = false;
            log(`${b.host}:${b.port} back in rotation (health check passed)`);
          }
          return;
        }
        passes = 0;
        if (!checkedDown[i] && ++fails >= check.fall) {
          checkedDown[i] = true;
          log(
            `${b.host}:${b.port} out of rotation (health check: ${why}); closing its ${sessions[i].size} connection(s)`,
          );
          for (const s of sessions[i]) s.destroy();
        }
      };
      return setInterval(() => {
        if (inFlight) return;
        inFlight = true;
        const req = (check.tls ? https : http).get({
          host: b.host,
          port: b.port,
          path: check.path,
          agent: false,
          rejectUnauthorized: false,
        });
        // A deadline for the whole check (connect, TLS, answer), not an idle timer.
        const deadline = setTimeout(
          () => req.destroy(new Error('no answer in time')),
          check.timeoutMs,
        );
        req.on('response', res => {
          res.resume();
          res.on('end', () => {
            clearTimeout(deadline);
            done(res.statusCode === 200, `HTTP ${res.statusCode}`);
          });
        });
        req.on('error', (e: NodeJS.ErrnoException) => {
          clearTimeout(deadline);
          done(false, e.code ?? e.message);
        });
      }, check.intervalMs);
    });
    server.once('close', () => timers.forEach(t => clearInterval(t)));
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listen.port, config.listen.host, () => {
      log(
        `${config.listen.host}:${config.listen.port} → ${backends
          .map(b => `${b.host}:${b.port}`)
          .join(', ')}`,
      );
      resolve(server);
    });
  });
}

export async function main(args: string[]) {
  const config = JSON.parse(
    await fsp.readFile(args[0], 'utf8'),
  ) as VipProxyConfig;
  process.on('SIGTERM', () => process.exit(0));
  await startVipProxy({
    ...config,
    healthCheck: config.healthCheck ?? LAB_HEALTH_CHECK,
  });
}
