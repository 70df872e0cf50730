// A STAND-IN for the virtual address of a multi-master control plane (keepalived's VIP
// in front of haproxy, as in our users' clusters): a TCP proxy on the lab's usual API
// server port that hands each new connection to the next live kube-apiserver, round
// robin, skipping one that refuses or does not answer within a second (and leaving it
// out for a few seconds, as haproxy's health check would). TLS passes through untouched:
// clients see the API servers' own certificate. Connections to a server that dies break,
// as they do behind haproxy; clients reconnect through the address.
// Run by the lab's kubernetes component as `node vipProxyDaemon.cjs <config.json>`.
import fsp from 'node:fs/promises';
import net from 'node:net';

export interface VipProxyConfig {
  listen: { host: string; port: number };
  backends: Array<{ host: string; port: number }>;
}

const CONNECT_TIMEOUT_MS = 1_000;
/** How long a backend that refused stays out of the rotation. */
const DOWN_MS = 3_000;

const log = (message: string) =>
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);

/** Listens on `config.listen`; resolves once it accepts connections. */
export function startVipProxy(config: VipProxyConfig): Promise<net.Server> {
  const { backends } = config;
  const downUntil = backends.map(() => 0);
  let next = 0;

  const candidates = () => {
    const start = next;
    next = (next + 1) % backends.length;
    const order = backends.map((_, k) => (start + k) % backends.length);
    const now = Date.now();
    const up = order.filter(i => downUntil[i] <= now);
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
        client.once('close', () => upstream.destroy());
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
  await startVipProxy(config);
}
