import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/** A request body: bytes, or a factory so a retry can send it again. */
export type HttpBody = Buffer | (() => Readable);

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: HttpBody;
  /** Idle socket timeout (no bytes either way). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpStreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  stream: http.IncomingMessage;
}

/**
 * The connection failed or was cut: worth retrying.
 *
 * @public
 */
export class NetworkError extends Error {
  readonly transient = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

export interface HttpTransportOptions {
  /** PEM CA bundle trusted for this registry (in addition to nothing else). */
  ca?: string | Buffer;
  /** Plain HTTP (a registry on loopback without TLS). */
  plainHttp?: boolean;
  maxSockets?: number;
}

/**
 * Node's http(s) with a keep-alive agent that trusts the registry's CA. Counts the
 * request body bytes it sends so callers (and tests) can tell what went over the wire.
 */
export class HttpTransport {
  private readonly agent: http.Agent;
  private readonly plainHttp: boolean;
  bytesSent = 0;

  constructor(options: HttpTransportOptions = {}) {
    this.plainHttp = !!options.plainHttp;
    const agentOptions = {
      keepAlive: true,
      maxSockets: options.maxSockets ?? 8,
    };
    this.agent = this.plainHttp
      ? new http.Agent(agentOptions)
      : new https.Agent({ ...agentOptions, ca: options.ca });
  }

  get scheme(): 'http' | 'https' {
    return this.plainHttp ? 'http' : 'https';
  }

  close() {
    this.agent.destroy();
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const res = await this.requestStream(req);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of res.stream) chunks.push(chunk as Buffer);
    } catch (e) {
      throw new NetworkError(
        `${req.method} ${redact(req.url)}: response cut: ${
          (e as Error).message
        }`,
        { cause: e },
      );
    }
    return {
      status: res.status,
      headers: res.headers,
      body: Buffer.concat(chunks),
    };
  }

  requestStream(req: HttpRequest): Promise<HttpStreamResponse> {
    const mod = this.plainHttp ? http : https;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        reject(
          e instanceof NetworkError
            ? e
            : new NetworkError(
                `${req.method} ${redact(req.url)}: ${e.message}`,
                { cause: e },
              ),
        );
      };
      const headers: Record<string, string> = { ...req.headers };
      let bodyStream: Readable | undefined;
      if (Buffer.isBuffer(req.body)) {
        headers['Content-Length'] = String(req.body.length);
      } else if (req.body) {
        bodyStream = req.body();
      } else if (['PUT', 'POST', 'PATCH'].includes(req.method)) {
        headers['Content-Length'] = '0';
      }
      const r = mod.request(
        req.url,
        { method: req.method, headers, agent: this.agent, signal: req.signal },
        res => {
          settled = true;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            stream: res,
          });
        },
      );
      r.setTimeout(req.timeoutMs ?? 60_000, () =>
        r.destroy(
          new Error(`no response within ${req.timeoutMs ?? 60_000} ms`),
        ),
      );
      r.on('error', fail);
      if (Buffer.isBuffer(req.body)) {
        this.bytesSent += req.body.length;
        r.end(req.body);
      } else if (bodyStream) {
        bodyStream.on('data', (c: Buffer) => {
          this.bytesSent += c.length;
        });
        bodyStream.on('error', e => r.destroy(e));
        bodyStream.pipe(r);
      } else {
        r.end();
      }
    });
  }
}

/** Drops the query string (upload state tokens) from URLs put into messages. */
export function redact(url: string): string {
  const q = url.indexOf('?');
  return q >= 0 ? `${url.slice(0, q)}?…` : url;
}
