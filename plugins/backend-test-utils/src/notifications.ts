import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';

/** The notifications `user` reads from the notifications backend of `server`. */
export async function notificationsOf<T = unknown>(
  server: any,
  user: string,
): Promise<T[]> {
  const res = await request(server)
    .get('/api/notifications/notifications')
    .set('Authorization', mockCredentials.user.header(user));
  expect(res.status).toBe(200);
  return res.body.notifications;
}
