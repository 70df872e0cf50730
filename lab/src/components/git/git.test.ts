import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { useLab } from '../../useLab';
import type { GitEndpoint } from '.';
import { createGitServer } from './server';
import { labGitCliEnv } from './testRepo';

jest.setTimeout(60_000);

function git(args: string[], cwd?: string) {
  return new Promise<{ code: number; out: string }>(resolve => {
    execFile(
      'git',
      args,
      { cwd, env: labGitCliEnv() },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          out: `${stdout}${stderr}`,
        }),
    );
  });
}

async function ok(args: string[], cwd?: string) {
  const r = await git(args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  return r.out;
}

function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, res => {
      let body = '';
      res.on('data', d => (body += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The clone URL with credentials (a test's own clone; the action never does this). */
function remote(e: GitEndpoint, repo: string, password = e.password) {
  const u = new URL(`${e.url}/${repo}.git`);
  u.username = e.username;
  u.password = password;
  return u.toString();
}

describe('git', () => {
  let lab: { git: GitEndpoint };
  let work: string;
  let repo: string;

  beforeAll(async () => {
    lab = await useLab(['git']);
    work = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-git-'));
    repo = `lab-test/svc-${crypto.randomBytes(4).toString('hex')}`;
    const src = path.join(work, 'src');
    await fsp.mkdir(path.join(src, 'k8s'), { recursive: true });
    await fsp.writeFile(
      path.join(src, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
    );
    await fsp.writeFile(
      path.join(src, 'k8s', 'deployment.yaml'),
      'kind: Deployment\n',
    );
    await ok(['init', '-q', '-b', 'main'], src);
    await ok(['add', '.'], src);
    await ok(['commit', '-q', '-m', 'first'], src);
    await ok(['push', '-q', remote(lab.git, repo), 'main'], src);
  });

  afterAll(async () => {
    await fsp.rm(work, { recursive: true, force: true });
    if (lab && repo) {
      await fsp.rm(path.join(lab.git.projectRoot, `${repo}.git`), {
        recursive: true,
        force: true,
      });
      // The owner folder too, once no other run's repository is left in it.
      await fsp
        .rmdir(path.join(lab.git.projectRoot, 'lab-test'))
        .catch(() => {});
    }
  });

  it('creates the repository on the first push and serves it back to a clone', async () => {
    const clone = path.join(work, 'clone');
    await ok(['clone', '-q', remote(lab.git, repo), clone]);
    expect(
      await fsp.readFile(path.join(clone, 'k8s', 'deployment.yaml'), 'utf8'),
    ).toBe('kind: Deployment\n');
    expect((await ok(['log', '--format=%s'], clone)).trim()).toBe('first');
    expect((await ok(['branch', '--show-current'], clone)).trim()).toBe('main');
  });

  it('refuses anonymous clients and a wrong password', async () => {
    const anonymous = await get(
      `${lab.git.url}/${repo}.git/info/refs?service=git-upload-pack`,
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic /);

    const wrong = await git([
      'clone',
      '-q',
      remote(lab.git, repo, 'not-the-password'),
      path.join(work, 'bad'),
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/Authentication failed/);
  });

  it('refuses a push that rewrites history', async () => {
    const other = path.join(work, 'other');
    await fsp.mkdir(other);
    await fsp.writeFile(path.join(other, 'README.md'), 'unrelated\n');
    await ok(['init', '-q', '-b', 'main'], other);
    await ok(['add', '.'], other);
    await ok(['commit', '-q', '-m', 'unrelated'], other);
    const forced = await git(
      ['push', '--force', remote(lab.git, repo), 'main'],
      other,
    );
    expect(forced.code).not.toBe(0);
    expect(forced.out).toMatch(/non-fast-forward/);
    const still = await get(`${lab.git.url}/${repo}/raw/main/README.md`);
    expect(still.status).toBe(404);
  });

  it('serves raw files of a branch without credentials, with an ETag', async () => {
    const file = await get(`${lab.git.url}/${repo}/raw/main/catalog-info.yaml`);
    expect(file.status).toBe(200);
    expect(file.body).toBe(
      'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
    );
    const etag = file.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const again = await get(
      `${lab.git.url}/${repo}/raw/main/catalog-info.yaml`,
      {
        'If-None-Match': etag,
      },
    );
    expect(again.status).toBe(304);

    const folder = await get(`${lab.git.url}/${repo}/raw/main/`);
    expect(folder.body.split('\n')).toEqual(['catalog-info.yaml', 'k8s/', '']);

    expect(
      (await get(`${lab.git.url}/${repo}/raw/main/nope.yaml`)).status,
    ).toBe(404);
    expect(
      (await get(`${lab.git.url}/${repo}/raw/other/catalog-info.yaml`)).status,
    ).toBe(404);
    expect(
      (await get(`${lab.git.url}/lab-test/missing/raw/main/x`)).status,
    ).toBe(404);
    expect(
      (
        await get(
          `${lab.git.url}/${repo}/raw/main/catalog-info.yaml`,
          {},
          'PUT',
        )
      ).status,
    ).toBe(405);
  });

  it('reads a branch whose name has a slash', async () => {
    const src = path.join(work, 'src');
    await ok(['checkout', '-q', '-b', 'feature/x'], src);
    await fsp.writeFile(
      path.join(src, 'k8s', 'deployment.yaml'),
      'kind: Deployment # x\n',
    );
    await ok(['commit', '-q', '-am', 'on a branch'], src);
    await ok(['push', '-q', remote(lab.git, repo), 'feature/x'], src);
    const file = await get(
      `${lab.git.url}/${repo}/raw/feature/x/k8s/deployment.yaml`,
    );
    expect(file.body).toBe('kind: Deployment # x\n');
  });
});

/**
 * What a browser sees: the server built from this checkout (not the lab's running
 * daemon, which may predate it) on a free port, with its own repositories.
 */
describe('git server pages for a browser', () => {
  const BROWSER = {
    Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120',
  };
  const HOSTILE = [
    '<img src=x onerror=alert(1)>.yaml',
    `"quote' & <amp>.txt`,
    '100% ?#hash.txt',
    'tab\there.txt',
  ];
  let work: string;
  let server: http.Server;
  let e: GitEndpoint;
  const repo = 'ops-team/browse-me';

  const links = (html: string) =>
    [...html.matchAll(/href="([^"]*)"/g)].map(m =>
      m[1]
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );

  beforeAll(async () => {
    work = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-browse-'));
    const passwordFile = path.join(work, 'password');
    await fsp.writeFile(passwordFile, 'browse-test-password\n', {
      mode: 0o600,
    });
    server = createGitServer({
      host: '127.0.0.1',
      port: 0,
      projectRoot: path.join(work, 'repos'),
      username: 'diehard',
      passwordFile,
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    e = {
      url: `http://127.0.0.1:${port}`,
      host: `127.0.0.1:${port}`,
      username: 'diehard',
      password: 'browse-test-password',
      projectRoot: path.join(work, 'repos'),
    };
    const src = path.join(work, 'src');
    await fsp.mkdir(path.join(src, 'k8s'), { recursive: true });
    await fsp.mkdir(path.join(src, '<b>folder&<i>'), { recursive: true });
    await fsp.writeFile(
      path.join(src, 'catalog-info.yaml'),
      'kind: Resource\n',
    );
    await fsp.writeFile(
      path.join(src, 'k8s', 'volume.yaml'),
      'kind: PersistentVolume\n',
    );
    await fsp.writeFile(
      path.join(src, '<b>folder&<i>', 'inner.txt'),
      'inner\n',
    );
    for (const [i, name] of HOSTILE.entries()) {
      await fsp.writeFile(path.join(src, name), `hostile ${i}\n`);
    }
    await ok(['init', '-q', '-b', 'main'], src);
    await ok(['add', '.'], src);
    await ok(['commit', '-q', '-m', 'first'], src);
    await ok(['push', '-q', remote(e, repo), 'main'], src);
  });

  afterAll(async () => {
    if (server) await new Promise(r => server.close(r));
    await fsp.rm(work, { recursive: true, force: true });
  });

  it.each([`/${repo}`, `/${repo}.git`, `/${repo}.git/`])(
    'shows the repository at %s without credentials: how to clone it and its files, linked',
    async address => {
      const page = await get(`${e.url}${address}`, BROWSER);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain(
        "default-src 'none'",
      );
      expect(page.body).toContain(`git clone ${e.url}/${repo}.git`);
      expect(links(page.body)).toEqual(
        expect.arrayContaining([
          `/${repo}/raw/main/`,
          `/${repo}/raw/main/k8s/`,
          `/${repo}/raw/main/catalog-info.yaml`,
        ]),
      );
    },
  );

  it('escapes every hostile name and links each one to its content', async () => {
    const page = await get(`${e.url}/${repo}/raw/main/`, BROWSER);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<img');
    expect(page.body).not.toContain('<b>');
    expect(page.body).not.toContain(`"quote'`);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;.yaml');
    const hrefs = links(page.body);
    for (const [i, name] of HOSTILE.entries()) {
      const href = hrefs.find(h =>
        decodeURIComponent(h).endsWith(`/raw/main/${name}`),
      );
      expect({ name, href: typeof href }).toEqual({ name, href: 'string' });
      const file = await get(`${e.url}${href}`);
      expect({ name, status: file.status, body: file.body }).toEqual({
        name,
        status: 200,
        body: `hostile ${i}\n`,
      });
    }
    const folderHref = hrefs.find(h =>
      decodeURIComponent(h).endsWith('/<b>folder&<i>/'),
    )!;
    const folder = await get(`${e.url}${folderHref}`, BROWSER);
    expect(folder.status).toBe(200);
    expect(folder.body).toContain('&lt;b&gt;folder&amp;&lt;i&gt;/');
    const inner = links(folder.body).find(h => h.endsWith('/inner.txt'))!;
    expect((await get(`${e.url}${inner}`)).body).toBe('inner\n');
    // Its link up leads back to the top of the branch.
    expect(links(folder.body)).toContain(`/${repo}/raw/main/`);
  });

  it('lists a folder as a page for a browser, one name a line for anything else', async () => {
    const page = await get(`${e.url}/${repo}/raw/main/k8s`, BROWSER);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(links(page.body)).toContain(`/${repo}/raw/main/k8s/volume.yaml`);
    const plain = await get(`${e.url}/${repo}/raw/main/k8s/`);
    expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(plain.body).toBe('volume.yaml\n');
    // A file stays the file, whoever asks.
    const file = await get(
      `${e.url}/${repo}/raw/main/k8s/volume.yaml`,
      BROWSER,
    );
    expect(file.body).toBe('kind: PersistentVolume\n');
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers a missing repository with a page naming it, escaped, and refuses writes', async () => {
    const missing = await get(`${e.url}/ops-team/no-such-repo`, BROWSER);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('ops-team/no-such-repo');
    expect(missing.body).toContain('No such repository');
    expect((await get(`${e.url}/${repo}`, BROWSER, 'POST')).status).toBe(405);
  });

  it("keeps git's protocol as it was: credentials for clone, the page never for a git client", async () => {
    const anonymous = await get(
      `${e.url}/${repo}.git/info/refs?service=git-upload-pack`,
    );
    expect(anonymous.status).toBe(401);
    const gitClient = await get(`${e.url}/${repo}.git`, {
      'User-Agent': 'git/2.39.5',
    });
    expect(gitClient.headers['content-type']).not.toMatch(/html/);
    const clone = path.join(work, 'clone');
    await ok(['clone', '-q', remote(e, repo), clone]);
    expect(await fsp.readFile(path.join(clone, HOSTILE[0]), 'utf8')).toBe(
      'hostile 0\n',
    );
  });
});
