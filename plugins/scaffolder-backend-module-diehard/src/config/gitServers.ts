import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  GitServer,
  maskSecrets,
  readGitServers,
} from '@diehard/plugin-git-servers-node';

/** A remote URL, checked against the configured servers. */
export interface GitRemote {
  server: GitServer;
  /** The URL to push to and to show: no credentials. */
  url: string;
  /** owner/name: the path below the server's base URL, without `.git`. */
  repo: string;
}

/**
 * The git servers `diehard:git:push` may push to. A template names a remote URL; the
 * credentials only ever come from here, for the server whose baseUrl the URL is under.
 */
export class GitServerDirectory {
  private constructor(private readonly servers: GitServer[]) {}

  static fromConfig(config: Config): GitServerDirectory {
    return new GitServerDirectory(readGitServers(config));
  }

  /** `message` without any configured password or `user:password@` part. */
  mask(message: string): string {
    return maskSecrets(message, this.servers);
  }

  baseUrls(): string[] {
    return this.servers.map(s => s.baseUrl);
  }

  /**
   * The configured server `remoteUrl` belongs to: `<baseUrl>/<owner>/<name>.git`.
   * Throws an InputError naming the URL (never a credential) otherwise.
   */
  resolve(remoteUrl: string): GitRemote {
    let u: URL;
    try {
      u = new URL(remoteUrl);
    } catch {
      throw new InputError(`remoteUrl is not a URL: ${remoteUrl}`);
    }
    if (u.username || u.password) {
      throw new InputError(
        `remoteUrl ${u.origin}${u.pathname} must not carry credentials: they come from diehard.git.servers`,
      );
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') {
      throw new InputError(
        `remoteUrl ${remoteUrl}: only http(s) git servers are supported`,
      );
    }
    if (u.search || u.hash) {
      throw new InputError(
        `remoteUrl ${remoteUrl} must not have a query or a fragment`,
      );
    }
    const url = `${u.origin}${u.pathname}`;
    const server = this.servers.find(s => url.startsWith(`${s.baseUrl}/`));
    if (!server) {
      const known = this.baseUrls();
      throw new InputError(
        `remoteUrl ${url} is not on a git server declared in diehard.git.servers (configured: ${
          known.length ? known.join(', ') : 'none'
        })`,
      );
    }
    const rest = url.slice(server.baseUrl.length + 1);
    const m =
      /^([A-Za-z0-9][A-Za-z0-9._-]*)\/([A-Za-z0-9][A-Za-z0-9._-]*)\.git$/.exec(
        rest,
      );
    if (!m || m[2].endsWith('.git')) {
      throw new InputError(
        `remoteUrl ${url} must be ${server.baseUrl}/<owner>/<name>.git`,
      );
    }
    return { server, url, repo: `${m[1]}/${m[2]}` };
  }
}

/** The raw URL of `filePath` on `branch` (an empty path: the branch's root). */
export function rawUrlOf(remote: GitRemote, branch: string, filePath: string) {
  return remote.server.rawUrl
    .replace('{baseUrl}', remote.server.baseUrl)
    .replace('{repo}', remote.repo)
    .replace('{branch}', branch)
    .replace('{path}', filePath);
}
