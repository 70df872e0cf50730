import { Config } from '@backstage/config';

/**
 * Where raw files are read on the lab's server (and on servers built like it).
 *
 * @public
 */
export const DEFAULT_RAW_URL = '{baseUrl}/{repo}/raw/{branch}/{path}';

/**
 * A git server of `diehard.git.servers`.
 *
 * @public
 */
export interface GitServer {
  baseUrl: string;
  username: string;
  password: string;
  /** Template of a file's raw URL: {baseUrl}, {repo} (owner/name), {branch}, {path}. */
  rawUrl: string;
}

const trimSlash = (s: string) => s.replace(/(?<!\/)\/+$/, '');

/**
 * The servers of `diehard.git.servers`: where `diehard:git:push` publishes and what
 * the git UrlReader reads. Credentials only ever come from here.
 *
 * @public
 */
export function readGitServers(config: Config): GitServer[] {
  const servers = (
    config.getOptionalConfigArray('diehard.git.servers') ?? []
  ).map(c => ({
    baseUrl: trimSlash(c.getString('baseUrl')),
    username: c.getString('username'),
    password: c.getString('password'),
    rawUrl: c.getOptionalString('rawUrl') ?? DEFAULT_RAW_URL,
  }));
  for (const s of servers) {
    const u = new URL(s.baseUrl);
    if (u.username || u.password) {
      throw new Error(
        `diehard.git.servers: baseUrl ${u.origin}${u.pathname} must not carry credentials (use username and password)`,
      );
    }
  }
  return servers;
}

/**
 * The Authorization header of a server's requests.
 *
 * @public
 */
export function basicAuth(server: GitServer) {
  return `Basic ${Buffer.from(`${server.username}:${server.password}`).toString(
    'base64',
  )}`;
}

/**
 * `message` without the servers' passwords, their Basic tokens, or any `user:password@`.
 *
 * @public
 */
export function maskSecrets(message: string, servers: GitServer[]) {
  let out = message.replace(/\/\/[^/@\s]+:[^/@\s]+@/g, '//***@');
  for (const server of servers) {
    for (const secret of [server.password, basicAuth(server).slice(6)]) {
      if (secret) out = out.split(secret).join('***');
    }
  }
  return out;
}
