import http from 'node:http';
import net from 'node:net';
import { freePort } from '../../util/net';
import { startVipProxy } from './vipProxy';

/** A backend that answers every connection with its name, then closes. */
async function backend(name: string) {
  const port = await freePort();
  const server = net.createServer(s => s.end(name));
  await new Promise<void>(r => server.listen(port, '127.0.0.1', r));
  return { port, server };
}

/** What one connection through the proxy reads ('' when it is closed at once). */
function ask(port: number) {
  return new Promise<string>((resolve, reject) => {
    let text = '';
    const s = net.connect({ host: '127.0.0.1', port });
    s.on('data', d => (text += d));
    s.on('close', () => resolve(text));
    s.on('error', reject);
  });
}

describe('the virtual-address stand-in', () => {
  const servers: net.Server[] = [];
  afterAll(() => servers.forEach(s => s.close()));

  it('spreads connections round robin and skips a backend that refuses', async () => {
    const a = await backend('a');
    const b = await backend('b');
    const dead = await freePort(); // nothing listens there
    servers.push(a.server, b.server);
    const port = await freePort();
    servers.push(
      await startVipProxy({
        listen: { host: '127.0.0.1', port },
        backends: [a.port, dead, b.port].map(p => ({
          host: '127.0.0.1',
          port: p,
        })),
      }),
    );

    const answers = [];
    for (let i = 0; i < 9; i++) answers.push(await ask(port));

    expect(answers.every(x => x === 'a' || x === 'b')).toBe(true);
    expect(answers.filter(x => x === 'a').length).toBeGreaterThanOrEqual(3);
    expect(answers.filter(x => x === 'b').length).toBeGreaterThanOrEqual(3);
  });

  it('closes the connection when no backend is alive, and serves again when one returns', async () => {
    const gone = await freePort();
    const port = await freePort();
    servers.push(
      await startVipProxy({
        listen: { host: '127.0.0.1', port },
        backends: [{ host: '127.0.0.1', port: gone }],
      }),
    );
    expect(await ask(port)).toBe('');

    const back = net.createServer(s => s.end('back'));
    await new Promise<void>(r => back.listen(gone, '127.0.0.1', r));
    servers.push(back);
    expect(await ask(port)).toBe('back');
  });

  it('takes out a backend that stops answering its health check, closing its connections, and brings it back once it answers', async () => {
    /** An HTTP backend answering its name; frozen, it accepts connections and never answers (a machine gone silent). */
    const frozen = new Set<string>();
    const httpBackend = async (name: string) => {
      const port = await freePort();
      const server = http.createServer((_req, res) => {
        if (!frozen.has(name)) res.end(name);
      });
      await new Promise<void>(r => server.listen(port, '127.0.0.1', r));
      servers.push(server);
      return port;
    };
    const ports = [await httpBackend('a'), await httpBackend('b')];
    const port = await freePort();
    servers.push(
      await startVipProxy({
        listen: { host: '127.0.0.1', port },
        backends: ports.map(p => ({ host: '127.0.0.1', port: p })),
        healthCheck: {
          path: '/readyz',
          tls: false,
          intervalMs: 100,
          timeoutMs: 100,
          fall: 3,
          rise: 2,
        },
      }),
    );
    /** One GET on a new connection through the proxy: the body, or '' when it fails. */
    const get = () =>
      new Promise<string>(resolve => {
        const req = http.get(
          { host: '127.0.0.1', port, agent: false, timeout: 2_000 },
          res => {
            let text = '';
            res.on('data', d => (text += d));
            res.on('end', () => resolve(text));
          },
        );
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(''));
      });

    // A kept connection on one backend, which then goes silent.
    const kept = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    kept.on('data', d => (answer += d));
    kept.on('error', () => {});
    const closed = new Promise<number>(r =>
      kept.on('close', () => r(Date.now())),
    );
    kept.write('GET / HTTP/1.1\r\nHost: lab\r\n\r\n');
    while (!/\r\n\r\n[ab]$/.test(answer))
      await new Promise(r => setTimeout(r, 20));
    const silent = answer.slice(-1);
    const other = silent === 'a' ? 'b' : 'a';
    frozen.add(silent);
    const frozenAt = Date.now();

    // Out after 3 failed checks: its connection closed, new ones go to the other.
    const closedAt = await Promise.race([
      closed,
      new Promise<number>(r => setTimeout(() => r(Infinity), 3_000)),
    ]);
    expect(closedAt - frozenAt).toBeLessThan(1_500);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await get());
    expect(answers).toEqual(Array(6).fill(other));

    // Back after 2 passed checks.
    frozen.delete(silent);
    const back = Date.now();
    let seen = false;
    while (!seen && Date.now() - back < 3_000) seen = (await get()) === silent;
    expect(seen).toBe(true);
  });
});
