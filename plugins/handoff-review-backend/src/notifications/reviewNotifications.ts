import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PostureClient, snapshotOf } from '../posture/PostureClient';
import { ReviewStore } from '../review/ReviewStore';
import { viewOf } from '../review/transitions';
import { ReviewNotice, signOffNotices, timeNotices } from './reviewEvents';

export const DEFAULT_WAIVER_EXPIRY_DAYS = 7;

export function waiverExpiryDaysFromConfig(config: RootConfigService): number {
  const days =
    config.getOptionalNumber('diehard.notifications.waiverExpiryDays') ??
    DEFAULT_WAIVER_EXPIRY_DAYS;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `diehard.notifications.waiverExpiryDays must be a whole number of days, at least 1, got ${days}`,
    );
  }
  return days;
}

/**
 * Tells the groups of a review what concerns them: a sign-off asked of a side (when a
 * change makes the review ready for it), and, on a schedule, a review turned stale or
 * a waiver about to run out. A time-based event is told once (recorded in the plugin's
 * database); a notification that cannot be sent is logged and tried again next time.
 */
export async function startReviewNotifications(options: {
  store: ReviewStore;
  posture: PostureClient;
  notifications: NotificationService;
  database: DatabaseService;
  scheduler: SchedulerService;
  auth: AuthService;
  logger: LoggerService;
  config: RootConfigService;
}): Promise<ReviewStore> {
  const { store, posture, notifications, auth, logger } = options;
  const waiverExpiryDays = waiverExpiryDaysFromConfig(options.config);
  const db = await options.database.getClient();

  const send = async (reviewId: string, notice: ReviewNotice) => {
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: notice.groups },
        payload: notice.payload,
      });
      return true;
    } catch (error) {
      logger.warn('could not send a handoff review notification', {
        reviewId,
        scope: notice.payload.scope,
        error: String(error),
      });
      return false;
    }
  };

  const sendOnce = async (reviewId: string, notice: ReviewNotice) => {
    const row = { review_id: reviewId, event_key: notice.key };
    if (await db('review_notifications_sent').where(row).first()) return;
    try {
      await db('review_notifications_sent').insert({
        ...row,
        sent_at: new Date(),
      });
    } catch {
      return; // another replica recorded it first
    }
    if (!(await send(reviewId, notice))) {
      await db('review_notifications_sent').where(row).delete();
    }
  };

  const insert = store.insert.bind(store);
  store.insert = async (review, event) => {
    await insert(review, event);
    for (const notice of signOffNotices(undefined, review, new Date()))
      await send(review.id, notice);
  };
  const update = store.update.bind(store);
  store.update = async (review, status, event) => {
    const previous = await store.get(review.id);
    await update(review, status, event);
    for (const notice of signOffNotices(previous, review, new Date()))
      await send(review.id, notice);
  };

  await options.scheduler.scheduleTask({
    id: 'handoff-review-notifications',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      const credentials = await auth.getOwnServiceCredentials();
      const now = new Date();
      for (const review of await store.list({})) {
        const current = await posture
          .current(review.entityRef, credentials)
          .then(snapshotOf)
          .catch(() => undefined);
        const view = viewOf(review, now, current);
        for (const notice of timeNotices(view, now, waiverExpiryDays))
          await sendOnce(review.id, notice);
      }
    },
  });
  return store;
}
