import type { IncomingMessage, ServerResponse } from 'node:http';
import { branches, git, RepoRef } from './repos';

/** One entry of a folder on a branch. */
export interface TreeEntry {
  name: string;
  folder: boolean;
}

/** The entries of the tree `spec` (`refs/heads/<branch>:<dir>`), folders marked. */
export async function treeEntries(
  dir: string,
  spec: string,
): Promise<TreeEntry[]> {
  return (await git(['ls-tree', '-z', spec], dir))
    .toString()
    .split('\0')
    .filter(Boolean)
    .map(e => {
      // "<mode> <type> <id>\t<name>": a name may itself hold tabs.
      const tab = e.indexOf('\t');
      return {
        name: e.slice(tab + 1),
        folder: e.slice(0, tab).split(' ')[1] === 'tree',
      };
    });
}

/** A browser asks for a page; git, the URL readers and scripts do not ask for HTML. */
export function wantsHtml(req: IncomingMessage) {
  return /\btext\/html\b/i.test(req.headers.accept ?? '');
}

/** A request from a git client (smart or dumb HTTP), whatever its path. */
export function fromGitClient(req: IncomingMessage, url: URL) {
  return (
    url.searchParams.has('service') ||
    /^git\//i.test(req.headers['user-agent'] ?? '')
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** A path of segments as a URL path, each segment percent-encoded. */
const urlPath = (...segments: string[]) =>
  `/${segments
    .flatMap(s => s.split('/'))
    .filter(Boolean)
    .map(encodeURIComponent)
    .join('/')}`;

/** The raw address of `file` (a folder when it ends with `/`) on `branch`. */
export function rawHref(repo: RepoRef, branch: string, file: string) {
  const href = urlPath(repo.owner, repo.name, 'raw', branch, file);
  return file === '' || file.endsWith('/') ? `${href}/` : href;
}

export function sendHtml(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  title: string,
  body: string,
) {
  const page = Buffer.from(
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
      `<title>${escapeHtml(title)}</title>` +
      `<style>body{font-family:sans-serif;margin:2em}code{background:#eee;padding:0 .3em}li{margin:.2em 0}</style>` +
      `</head><body>\n${body}\n</body></html>\n`,
  );
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': page.length,
    // A page of names people chose: no script, nothing fetched from elsewhere.
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : page);
}

function entryList(
  repo: RepoRef,
  branch: string,
  dir: string,
  entries: TreeEntry[],
) {
  const prefix = dir === '' ? '' : `${dir}/`;
  const items = [...entries]
    .sort((a, b) => Number(b.folder) - Number(a.folder))
    .map(e => {
      const shown = e.folder ? `${e.name}/` : e.name;
      return `<li><a href="${escapeHtml(
        rawHref(repo, branch, `${prefix}${shown}`),
      )}">${escapeHtml(shown)}</a></li>`;
    });
  return items.length > 0
    ? `<ul>\n${items.join('\n')}\n</ul>`
    : '<p>Empty folder.</p>';
}

/**
 * The page of a folder on a branch (`/<owner>/<name>/raw/<branch>/<dir>/`): a link up,
 * then its folders and files, each a link to its raw address.
 */
export function sendTreePage(
  req: IncomingMessage,
  res: ServerResponse,
  repo: RepoRef,
  branch: string,
  dir: string,
  entries: TreeEntry[],
) {
  const where = `${repo.owner}/${repo.name}`;
  const up =
    dir === ''
      ? urlPath(repo.owner, repo.name)
      : rawHref(repo, branch, `${dir.split('/').slice(0, -1).join('/')}/`);
  sendHtml(
    req,
    res,
    200,
    `${where}: ${dir || '/'} on ${branch}`,
    `<h1><a href="${escapeHtml(urlPath(repo.owner, repo.name))}">${escapeHtml(
      where,
    )}</a>: <code>${escapeHtml(dir === '' ? '/' : `${dir}/`)}</code></h1>\n` +
      `<p>Branch <code>${escapeHtml(branch)}</code> (read-only).</p>\n` +
      `<p><a href="${escapeHtml(up)}">..</a></p>\n${entryList(
        repo,
        branch,
        dir,
        entries,
      )}`,
  );
}

/**
 * The page of a repository (`/<owner>/<name>` or `/<owner>/<name>.git` in a browser):
 * how to clone it, its branches, and the files at the top of its default branch.
 */
export async function sendRepoPage(
  req: IncomingMessage,
  res: ServerResponse,
  repo: RepoRef,
  dir: string,
  exists: boolean,
) {
  const where = `${repo.owner}/${repo.name}`;
  if (!exists) {
    sendHtml(
      req,
      res,
      404,
      `${where}: no such repository`,
      `<h1>${escapeHtml(
        where,
      )}</h1>\n<p>No such repository on this server.</p>`,
    );
    return;
  }
  const all = await branches(dir);
  const head = (await git(['symbolic-ref', '--short', 'HEAD'], dir))
    .toString()
    .trim();
  const clone = `http://${req.headers.host ?? 'localhost'}${urlPath(
    repo.owner,
    `${repo.name}.git`,
  )}`;
  let body =
    `<h1>${escapeHtml(where)}</h1>\n` +
    `<p>Clone (credentials of the lab's git server): <code>git clone ${escapeHtml(
      clone,
    )}</code></p>\n`;
  if (all.length === 0) {
    body += '<p>Empty repository: nothing pushed yet.</p>';
  } else {
    const branch = all.includes(head) ? head : all[0];
    body +=
      `<p>Branches: ${all
        .map(
          b =>
            `<a href="${escapeHtml(rawHref(repo, b, ''))}"><code>${escapeHtml(
              b,
            )}</code></a>`,
        )
        .join(', ')}</p>\n` +
      `<h2>Files on <code>${escapeHtml(branch)}</code></h2>\n${entryList(
        repo,
        branch,
        '',
        await treeEntries(dir, `refs/heads/${branch}:`),
      )}`;
  }
  sendHtml(req, res, 200, where, body);
}
