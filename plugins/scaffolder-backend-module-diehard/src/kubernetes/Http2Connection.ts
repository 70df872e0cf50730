import http2 from 'node:http2';

export interface RawResponse {
  status: number;
  text: string;
}

/**
 * One HTTP/2 connection to the API server, opened on first use and reopened after
 * the server closes it (GOAWAY, idle timeout): every request of an apply is a
 * stream on it, so there is one TLS handshake instead of one per socket.
 */
export class Http2Connection {
  private session?: http2.ClientHttp2Session;
  /** The server has spoken HTTP/2 on this origin at least once. */
  connected = false;

  constructor(
    private readonly origin: string,
    private readonly tls: { ca?: string | Buffer; rejectUnauthorized: boolean },
  ) {}

  private connect(): http2.ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed)
      return this.session;
    const session = http2.connect(this.origin, {
      ca: this.tls.ca,
      rejectUnauthorized: this.tls.rejectUnauthorized,
    });
    session.on('connect', () => {
      this.connected = true;
    });
    session.on('error', () => {}); // surfaced by the streams that fail
    session.on('goaway', () => session.close());
    session.on('close', () => {
      if (this.session === session) this.session = undefined;
    });
    this.session = session;
    return session;
  }

  request(
    method: string,
    path: string,
    headers: Record<string, string | number>,
    payload: Buffer | undefined,
    timeoutMs: number,
  ): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      let stream: http2.ClientHttp2Stream;
      try {
        stream = this.connect().request({
          ':method': method,
          ':path': path,
          ...headers,
        });
      } catch (e) {
        reject(e);
        return;
      }
      let status = 0;
      const chunks: Buffer[] = [];
      stream.setTimeout(timeoutMs, () =>
        stream.close(http2.constants.NGHTTP2_CANCEL),
      );
      stream.on('response', h => {
        status = Number(h[':status']);
      });
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () =>
        resolve({ status, text: Buffer.concat(chunks).toString('utf8') }),
      );
      stream.on('close', () => {
        if (!status)
          reject(
            new Error(
              stream.rstCode === http2.constants.NGHTTP2_CANCEL
                ? `no answer within ${timeoutMs / 1000} s`
                : `stream closed (code ${stream.rstCode})`,
            ),
          );
      });
      stream.on('error', reject);
      stream.end(payload);
    });
  }

  close() {
    this.session?.close();
    this.session = undefined;
  }
}
