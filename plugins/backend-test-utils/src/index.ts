/**
 * Test helpers shared by Diehard's backend plugins and modules.
 *
 * @packageDocumentation
 */
export { actorAuthFactory } from './actorAuth';
export {
  catalogEntitiesModule,
  postureComponent,
  teamGroup,
  waitForComponents,
} from './catalog';
export { notificationsOf } from './notifications';
export {
  NO_KUBERNETES_CLUSTERS,
  sharedScheduler,
  userInfoWithMemberships,
} from './services';
