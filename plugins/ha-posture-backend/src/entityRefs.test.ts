import request from 'supertest';
import {
  PostureBackend,
  startPostureBackend,
} from './__testUtils__/postureBackend';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

describe('malformed entity references', () => {
  let backend: PostureBackend;
  beforeAll(async () => {
    backend = await startPostureBackend();
  });
  afterAll(() => backend?.stop());

  const long = 'a'.repeat(64);
  it.each([
    [
      'component:default/',
      '"component:default/" is not an entity reference: the path must be /entities/<kind>/<namespace>/<name>',
    ],
    [':/', '":/" is not an entity reference: the path must be'],
    [
      'component/default/',
      '"component/default/" is not an entity reference: the path must be',
    ],
    ['component//x', '"component//x" is not an entity reference'],
    [
      'component/default/-x',
      '"component:default/-x" is not an entity reference: the name must be 1 to 63 letters, digits and -_.',
    ],
    [
      'component/Default_NS/x',
      '"component:Default_NS/x" is not an entity reference: the namespace must be',
    ],
    [
      'com-ponent/default/x',
      '"com-ponent:default/x" is not an entity reference: the kind must be',
    ],
    [
      `component/default/${long}`,
      `"component:default/${long}" is not an entity reference: the name must be 1 to 63`,
    ],
    [
      `component/default/${'b'.repeat(5000)}`,
      '… (5018 characters)" is not an entity reference: the name must be',
    ],
  ])('answers 400 naming %s', async (ref, message) => {
    for (const suffix of ['', '/refresh', '/history']) {
      const method = suffix === '/refresh' ? 'post' : 'get';
      const res = await request(backend.server)[method](
        `/api/ha-posture/entities/${ref}${suffix}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
  });
});
