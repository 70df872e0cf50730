import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendTreePage, treeEntries, wantsHtml } from './browse';
import { branches, git, RepoRef, repoExists } from './repos';

const TEXT = /\.(ya?ml|json|md|txt|xml|properties|java|sh|cfg|conf|ini|toml)$/i;

/**
 * `GET /<owner>/<name>/raw/<branch>/<path>`: the file at <path> on <branch> (`git
 * cat-file`), with the blob id as ETag; a folder answers with its entries, one a line
 * (sub-folders end with `/`). A branch may contain slashes: the longest branch that
 * prefixes the rest of the path wins. A browser (Accept: text/html) gets a folder as a
 * page of links instead.
 */
export async function serveRaw(
  req: IncomingMessage,
  res: ServerResponse,
  repo: RepoRef,
  dir: string,
  branchAndPath: string,
) {
  const notFound = (what: string) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${what}\n`);
  };
  if (!(await repoExists(dir))) return notFound('no such repository');
  const branch = (await branches(dir))
    .filter(b => branchAndPath === b || branchAndPath.startsWith(`${b}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (!branch) return notFound('no such branch');
  const file = branchAndPath.slice(branch.length + 1).replace(/\/+$/, '');
  const spec = `refs/heads/${branch}:${file}`;
  const [id, type] = await objectOf(dir, spec);
  if (!id) return notFound(`no such file on ${branch}: ${file}`);
  if (type === 'tree' && wantsHtml(req)) {
    const entries = await treeEntries(dir, spec);
    sendTreePage(req, res, repo, branch, file, entries);
    return undefined;
  }
  const etag = `"${id}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag });
    res.end();
    return undefined;
  }
  let body: Buffer;
  let contentType: string;
  if (type === 'tree') {
    const entries = (await treeEntries(dir, spec)).map(e =>
      e.folder ? `${e.name}/` : e.name,
    );
    body = Buffer.from(entries.map(e => `${e}\n`).join(''));
    contentType = 'text/plain; charset=utf-8';
  } else {
    body = await git(['cat-file', 'blob', id], dir);
    contentType = TEXT.test(file)
      ? 'text/plain; charset=utf-8'
      : 'application/octet-stream';
  }
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': body.length,
    ETag: etag,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return undefined;
}

async function objectOf(dir: string, spec: string): Promise<[string, string]> {
  try {
    const out = await git(['rev-parse', '--verify', '--quiet', spec], dir);
    const id = out.toString().trim();
    const type = (await git(['cat-file', '-t', id], dir)).toString().trim();
    return [id, type];
  } catch {
    return ['', ''];
  }
}
