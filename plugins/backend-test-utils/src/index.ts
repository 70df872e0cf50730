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
export { moduleUsing, pluginUsing } from './features';
export { notificationsOf } from './notifications';
export {
  capturingLogger,
  NO_KUBERNETES_CLUSTERS,
  serviceOf,
  sharedScheduler,
  userInfoWithMemberships,
} from './services';
