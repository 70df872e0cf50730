/**
 * Renders Helm charts and Kustomize folders with the real helm and kustomize, without
 * network, bounded in time and output, for the HA posture CLI, the scaffolder's posture
 * gate and the posture backend's manifests source (which folders are rendered is decided
 * in `@diehard/plugin-ha-posture-common`, `planRenders`).
 *
 * @packageDocumentation
 */
export { renderRoots, renderRootsSync } from './render';
export type { HelmValues, RenderFile, RenderResult } from './render';
export { addRendered } from './addRendered';
export {
  RENDER_DEFAULTS,
  findTool,
  renderToolsFromConfig,
} from './renderTools';
export type { RenderConfigReader, RenderTools } from './renderTools';
