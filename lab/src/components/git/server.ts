import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { fromGitClient, sendRepoPage } from './browse';
import { runHttpBackend } from './httpBackend';
import { serveRaw } from './raw';
import {
  ensureRepo,
  fixHead,
  GIT_PATH,
  RAW_PATH,
  REPO_PAGE_PATH,
  repoDir,
  repoExists,
} from './repos';

/** What the lab writes for the server process (config.json in its state dir). */
export interface GitServerConfig {
  host: string;
  port: number;
  /** Where the bare repositories are: <projectRoot>/<owner>/<name>.git */
  projectRoot: string;
  username: string;
  /** A file holding the password (mode 0600). */
  passwordFile: string;
}

export const REALM = 'diehard-lab git';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest();

/** The user name when the request carries the right Basic credentials. */
function authenticatedUser(
  req: http.IncomingMessage,
  username: string,
  password: string,
): string | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const ok =
    crypto.timingSafeEqual(sha256(decoded.slice(0, colon)), sha256(username)) &&
    crypto.timingSafeEqual(sha256(decoded.slice(colon + 1)), sha256(password));
  return ok ? username : undefined;
}

/**
 * The lab's git server: git's smart-HTTP protocol through `git http-backend` (Basic
 * authentication for clone, fetch and push; a repository is created on its first
 * push), and read-only raw files (`/<owner>/<name>/raw/<branch>/<path>`, no
 * authentication: Backstage's generic URL reader sends none). A browser gets pages
 * instead: a repository's at `/<owner>/<name>` (or `.git`), a folder's under raw.
 */
export function createGitServer(config: GitServerConfig): http.Server {
  const password = fs.readFileSync(config.passwordFile, 'utf8').trim();
  const text = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${body}\n`);
  };
  const challenge = (res: http.ServerResponse) => {
    res.setHeader('WWW-Authenticate', `Basic realm="${REALM}"`);
    text(res, 401, 'authentication required');
  };

  const handle = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) => {
    const url = new URL(req.url ?? '/', 'http://lab');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      text(res, 400, `malformed path: ${url.pathname}`);
      return;
    }
    const method = req.method ?? 'GET';

    const raw = RAW_PATH.exec(pathname);
    if (raw) {
      if (method !== 'GET' && method !== 'HEAD') {
        text(res, 405, 'raw files are read-only');
        return;
      }
      const repo = { owner: raw[1], name: raw[2] };
      await serveRaw(req, res, repo, repoDir(config.projectRoot, repo), raw[3]);
      return;
    }

    const page = REPO_PAGE_PATH.exec(pathname);
    if (page && !fromGitClient(req, url)) {
      if (method !== 'GET' && method !== 'HEAD') {
        text(res, 405, 'repository pages are read-only');
        return;
      }
      const repo = { owner: page[1], name: page[2].replace(/\.git$/, '') };
      const dir = repoDir(config.projectRoot, repo);
      await sendRepoPage(req, res, repo, dir, await repoExists(dir));
      return;
    }

    const user = authenticatedUser(req, config.username, password);
    if (pathname === '/') {
      if (!user) challenge(res);
      else text(res, 200, 'diehard lab git server');
      return;
    }
    const m = GIT_PATH.exec(pathname);
    if (!m) {
      text(res, 404, `not a repository path: ${pathname}`);
      return;
    }
    if (!user) {
      challenge(res);
      return;
    }
    const dir = repoDir(config.projectRoot, { owner: m[1], name: m[2] });
    const gitPath = m[3];
    const pushing =
      gitPath === '/git-receive-pack' ||
      (gitPath === '/info/refs' &&
        url.searchParams.get('service') === 'git-receive-pack');
    if (pushing) await ensureRepo(dir);
    await runHttpBackend(req, res, {
      projectRoot: config.projectRoot,
      pathInfo: pathname,
      query: url.search.slice(1),
      remoteUser: user,
    });
    if (gitPath === '/git-receive-pack') await fixHead(dir);
  };

  return http.createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => {
      // Method, path and status only: never the Authorization header.
      process.stdout.write(
        `${new Date().toISOString()} ${req.method} ${req.url?.split('?')[0]} ${
          res.statusCode
        } ${Date.now() - started}ms\n`,
      );
    });
    handle(req, res).catch(err => {
      process.stderr.write(`${req.method} ${req.url}: ${err.stack ?? err}\n`);
      if (!res.headersSent) text(res, 500, `internal error: ${err.message}`);
      else res.end();
    });
  });
}

/** The server process: `daemon.cjs <config.json>`. */
export function main(argv: string[]) {
  const config = JSON.parse(
    fs.readFileSync(argv[0], 'utf8'),
  ) as GitServerConfig;
  const server = createGitServer(config);
  server.listen(config.port, config.host, () => {
    process.stdout.write(
      `git server listening on http://${config.host}:${config.port}\n`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
