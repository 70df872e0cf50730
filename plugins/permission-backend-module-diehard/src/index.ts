/**
 * Diehard's permission policy, installed by default in the portal's backend.
 *
 * @packageDocumentation
 */
export { permissionModuleDiehardPolicy as default } from './module';
export {
  DiehardPermissionPolicy,
  RESTRICTED_ANNOTATION,
} from './DiehardPermissionPolicy';
export type { DiehardPolicyOptions } from './DiehardPermissionPolicy';
