import type { GitServer } from '@diehard/plugin-git-servers-node';
import { parseGitUrl, resolveBranch } from './GitUrl';

const server: GitServer = {
  baseUrl: 'http://git.example',
  username: 'portal',
  password: 'secret',
  rawUrl: '{baseUrl}/{repo}/raw/{branch}/{path}',
};

describe('parseGitUrl and resolveBranch', () => {
  it('split a location into repository, branch and path, trailing slashes dropped', () => {
    const url = parseGitUrl(
      server,
      'http://git.example/shop/orders/raw/release/2.x/deploy/k8s//',
    );
    expect(url.repoUrl).toBe('http://git.example/shop/orders.git');
    const location = resolveBranch(
      url,
      new Map([
        ['release', 'a'],
        ['release/2.x', 'b'],
      ]),
    );
    expect(location).toMatchObject({
      branch: 'release/2.x',
      path: 'deploy/k8s',
    });
  });

  it('answers at once for a registered location with a long run of slashes', () => {
    // A backtracking trailing-slash pattern took seconds per 50,000 slashes, quadratically.
    const slashes = '/'.repeat(500_000);
    const url = parseGitUrl(
      server,
      `http://git.example/shop/orders/raw/main/${slashes}x${slashes}y`,
    );
    const location = resolveBranch(url, new Map([['main', 'c']]));
    expect(location.path).toBe(`x${slashes}y`);
  });
});
