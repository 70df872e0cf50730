import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gitEnv } from './repos';

export interface BackendRequest {
  projectRoot: string;
  /** `/<owner>/<name>.git/...`, decoded. */
  pathInfo: string;
  query: string;
  remoteUser: string;
}

/**
 * Answers one request with Debian git's `git http-backend`, run as a CGI program
 * (RFC 3875): the request body goes to its stdin, its stdout is a CGI header block
 * (`Status:`, `Content-Type:`…) followed by the response body.
 */
export function runHttpBackend(
  req: IncomingMessage,
  res: ServerResponse,
  r: BackendRequest,
): Promise<void> {
  return new Promise(resolve => {
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    const env = gitEnv({
      GIT_PROJECT_ROOT: r.projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_HTTP_MAX_REQUEST_BUFFER: '100M',
      GATEWAY_INTERFACE: 'CGI/1.1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: r.pathInfo,
      QUERY_STRING: r.query,
      REMOTE_USER: r.remoteUser,
      REMOTE_ADDR: req.socket.remoteAddress ?? '',
      ...(header('content-type') && { CONTENT_TYPE: header('content-type') }),
      ...(header('content-length') && {
        CONTENT_LENGTH: header('content-length'),
      }),
      ...(header('content-encoding') && {
        HTTP_CONTENT_ENCODING: header('content-encoding'),
      }),
      ...(header('git-protocol') && { GIT_PROTOCOL: header('git-protocol') }),
    });
    const child = spawn('git', ['http-backend'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', d => (stderr += d));
    child.stdin.on('error', () => {}); // it may answer (an error) before reading it all
    req.pipe(child.stdin);

    let head = Buffer.alloc(0);
    let headersSent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const sep = findHeaderEnd(head);
      if (!sep) return;
      const lines = head
        .subarray(0, sep.index)
        .toString('latin1')
        .split(/\r?\n/);
      let status = 200;
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status')
          status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      headersSent = true;
      res.write(head.subarray(sep.index + sep.length));
    });
    child.on('error', err => {
      if (!res.headersSent) res.writeHead(500);
      res.end(`git http-backend could not run: ${err.message}\n`);
      resolve();
    });
    child.on('close', code => {
      if (code !== 0 && stderr) process.stderr.write(stderr);
      if (!headersSent && !res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`git http-backend failed: ${stderr.trim()}\n`);
      } else res.end();
      resolve();
    });
  });
}

function findHeaderEnd(b: Buffer) {
  const crlf = b.indexOf('\r\n\r\n');
  const lf = b.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { index: crlf, length: 4 };
  if (lf >= 0) return { index: lf, length: 2 };
  return undefined;
}
