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
  auditEvents,
  capturingLogger,
  NO_KUBERNETES_CLUSTERS,
  serviceOf,
  sharedScheduler,
  userInfoWithMemberships,
} from './services';
export type { LoggedAuditEvent } from './services';
