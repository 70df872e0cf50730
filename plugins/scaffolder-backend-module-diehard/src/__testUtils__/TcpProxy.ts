import net from 'node:net';

/**
 * A loopback TCP proxy in front of a real server. It counts the bytes clients send
 * and can play the server dying: cut every connection after N more bytes and refuse
 * new ones until `revive()`.
 */
export class TcpProxy {
  bytesFromClients = 0;
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private down = false;
  private cutAfter?: { remaining: number; onCut?: () => void };

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<string> {
    this.server = net.createServer(client => {
      if (this.down) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(client);
      this.sockets.add(upstream);
      const cleanup = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('data', (chunk: Buffer) => {
        this.bytesFromClients += chunk.length;
        if (this.cutAfter) {
          this.cutAfter.remaining -= chunk.length;
          if (this.cutAfter.remaining <= 0) {
            const { onCut } = this.cutAfter;
            this.cutAfter = undefined;
            this.kill();
            onCut?.();
            return;
          }
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      client.on('close', cleanup);
      upstream.on('close', cleanup);
      client.on('error', cleanup);
      upstream.on('error', cleanup);
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as net.AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** After `bytes` more bytes from clients, kill (and stay down unless `revive`d). */
  killAfter(bytes: number, options: { reviveAfterMs?: number } = {}) {
    this.cutAfter = {
      remaining: bytes,
      onCut:
        options.reviveAfterMs !== undefined
          ? () => setTimeout(() => this.revive(), options.reviveAfterMs)
          : undefined,
    };
  }

  /** Every open connection is cut and new ones are refused. */
  kill() {
    this.down = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  revive() {
    this.down = false;
  }

  async stop() {
    this.kill();
    await new Promise<void>(
      resolve => this.server?.close(() => resolve()) ?? resolve(),
    );
  }
}
