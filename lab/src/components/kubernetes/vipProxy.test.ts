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
});
