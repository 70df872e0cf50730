import { ConfigReader } from '@backstage/config';
import { basicAuth, maskSecrets, readGitServers } from './gitServers';

const config = (servers: object[]) =>
  new ConfigReader({ diehard: { git: { servers } } });

describe('readGitServers', () => {
  it('reads each server with the default raw URL, without a trailing slash', () => {
    expect(
      readGitServers(
        config([
          { baseUrl: 'https://git.test/', username: 'ci', password: 's3cret' },
        ]),
      ),
    ).toEqual([
      {
        baseUrl: 'https://git.test',
        username: 'ci',
        password: 's3cret',
        rawUrl: '{baseUrl}/{repo}/raw/{branch}/{path}',
      },
    ]);
    expect(readGitServers(new ConfigReader({}))).toEqual([]);
  });

  it('refuses a baseUrl that carries credentials, without repeating them', () => {
    expect(() =>
      readGitServers(
        config([
          {
            baseUrl: 'https://ci:s3cret@git.test/',
            username: 'ci',
            password: 's3cret',
          },
        ]),
      ),
    ).toThrow(
      /^diehard\.git\.servers: baseUrl https:\/\/git\.test\/ must not carry credentials \(use username and password\)$/,
    );
  });
});

describe('maskSecrets', () => {
  it('removes passwords, Basic tokens and user:password@ from a message', () => {
    const [server] = readGitServers(
      config([
        { baseUrl: 'https://git.test', username: 'ci', password: 's3cret' },
      ]),
    );
    const token = basicAuth(server).slice('Basic '.length);
    expect(
      maskSecrets(
        `push to https://ci:other@git.test failed: password s3cret, header ${token}`,
        [server],
      ),
    ).toBe('push to https://***@git.test failed: password ***, header ***');
  });
});
