import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PostureStore } from '../store/PostureStore';
import { postureChanges } from './postureChanges';

/**
 * Makes every save of postures (a scheduled refresh or one a user asked for) tell the
 * entity's owner group what got worse since the stored one. The notifications backend
 * resolves the entity to its owner and the owner to its members. A notification that
 * cannot be sent is logged, never a failed evaluation.
 */
export function notifyOnSave(
  store: PostureStore,
  notifications: NotificationService,
  logger: LoggerService,
): PostureStore {
  const saveAll = store.saveAll.bind(store);
  store.saveAll = async postures => {
    const previous = await store.latestOf(postures.map(p => p.entityRef));
    await saveAll(postures);
    for (const posture of postures) {
      for (const payload of postureChanges(
        previous.get(posture.entityRef),
        posture,
      )) {
        try {
          await notifications.send({
            recipients: { type: 'entity', entityRef: posture.entityRef },
            payload,
          });
        } catch (error) {
          logger.warn('could not send an HA posture notification', {
            entity: posture.entityRef,
            scope: payload.scope,
            error: String(error),
          });
        }
      }
    }
  };
  return store;
}
