import http from 'node:http';
import https from 'node:https';
import {
  AuthenticationError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { GitRemote } from '../config/gitServers';

/**
 * The branches of a remote repository and their commits, from git's smart-HTTP ref
 * advertisement (`GET <repo>/info/refs?service=git-upload-pack`, protocol v0), with
 * the server's configured credentials. A repository that does not exist yet (404)
 * has none. Errors name the repository URL, never a credential.
 */
export async function remoteBranches(
  remote: GitRemote,
  timeoutMs = 30_000,
): Promise<Map<string, string>> {
  const url = `${remote.url}/info/refs?service=git-upload-pack`;
  const { username, password } = remote.server;
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  let res: { status: number; body: Buffer };
  try {
    res = await get(url, { Authorization: `Basic ${auth}` }, timeoutMs);
  } catch (e) {
    throw new ServiceUnavailableError(
      `git server ${remote.server.baseUrl} could not be reached (${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }); nothing was pushed`,
    );
  }
  if (res.status === 404) return new Map();
  if (res.status === 401) {
    throw new AuthenticationError(
      `git server ${remote.server.baseUrl} refused the credentials of user "${username}" configured in diehard.git.servers; nothing was pushed`,
    );
  }
  if (res.status === 403) {
    throw new NotAllowedError(
      `git server ${remote.server.baseUrl}: user "${username}" may not read ${remote.url}; nothing was pushed`,
    );
  }
  if (res.status !== 200) {
    throw new ServiceUnavailableError(
      `git server ${remote.server.baseUrl} answered ${res.status} for ${remote.url}; nothing was pushed`,
    );
  }
  return parseAdvertisement(res.body);
}

/** `<id> refs/heads/<branch>` pkt-lines → branch → commit id. */
export function parseAdvertisement(body: Buffer): Map<string, string> {
  const branches = new Map<string, string>();
  let offset = 0;
  while (offset + 4 <= body.length) {
    const length = Number.parseInt(
      body.subarray(offset, offset + 4).toString(),
      16,
    );
    if (Number.isNaN(length)) break;
    if (length === 0) {
      offset += 4; // flush-pkt
      continue;
    }
    const line = body
      .subarray(offset + 4, offset + length)
      .toString('utf8')
      .replace(/\n$/, '')
      .split('\0')[0];
    offset += length;
    const m = /^([0-9a-f]{40,64}) refs\/heads\/(.+)$/.exec(line);
    if (m) branches.set(m[2], m[1]);
  }
  return branches;
}

function get(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; body: Buffer }> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        headers: { ...headers, 'User-Agent': 'git/diehard' },
        timeout: timeoutMs,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}
