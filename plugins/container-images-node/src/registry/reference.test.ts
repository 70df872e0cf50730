import { parseReference } from './reference';

describe('parseReference', () => {
  const digest = `sha256:${'c'.repeat(64)}`;
  it.each([
    ['team/app', { repository: 'team/app' }],
    ['team/app:1.0', { repository: 'team/app', tag: '1.0' }],
    [
      'localhost:5000/team/app:1.0',
      { host: 'localhost:5000', repository: 'team/app', tag: '1.0' },
    ],
    [
      `localhost/app@${digest}`,
      { host: 'localhost', repository: 'app', digest },
    ],
    [
      `reg.internal/a/b/c:t@${digest}`,
      { host: 'reg.internal', repository: 'a/b/c', tag: 't', digest },
    ],
  ])('parses %s', (ref, expected) => {
    expect(parseReference(ref)).toEqual({
      host: undefined,
      tag: undefined,
      digest: undefined,
      ...expected,
    });
  });

  it.each([
    ['Team/App', /invalid repository "Team\/App"/],
    ['team/app:-x', /invalid tag "-x"/],
    ['team/app@sha256:zz', /invalid digest/],
    ['', /empty image reference/],
  ])('refuses %j', (ref, message) => {
    expect(() => parseReference(ref)).toThrow(message);
  });
});
