/**
 * OCI images and registries for Diehard's backends: a registry client (auth,
 * resumable blob uploads, mounts, retries), pushing and pulling OCI image layouts,
 * the native and buildah image builders, and the registries of `diehard.registries`.
 *
 * @packageDocumentation
 */
export { registryDirectoryServiceRef } from './service/registryDirectoryServiceRef';
export { RegistryDirectory } from './registry/RegistryDirectory';
export {
  RegistryClient,
  pullScope,
  pushScope,
} from './registry/RegistryClient';
export type {
  ManifestResult,
  RegistryClientOptions,
  RegistryEndpoint,
  RegistryRetry,
  SendOptions,
} from './registry/RegistryClient';
export { RegistryServerError } from './registry/RegistryError';
export { NetworkError } from './registry/http';
export { pushImage } from './registry/pushImage';
export type {
  PushImageOptions,
  PushImageResult,
  PushedBlob,
} from './registry/pushImage';
export { pullImage } from './registry/pullImage';
export type { PullImageOptions } from './registry/pullImage';
export {
  assertRepository,
  assertTag,
  formatReference,
  parseReference,
} from './registry/reference';
export type { ImageReference } from './registry/reference';
export { isDigest, sha256Digest } from './registry/digest';
export {
  isIndexMediaType,
  isManifestMediaType,
  MANIFEST_ACCEPT,
  MediaTypes,
} from './registry/mediaTypes';
export type {
  Descriptor,
  ImageIndex,
  ImageManifest,
} from './registry/mediaTypes';
export type { RetryPolicy } from './registry/retry';
export { mapConcurrent } from './registry/concurrency';
export { OciLayout, REF_NAME } from './image/OciLayout';
export { buildLayer, gzipLayer } from './image/layerBuilder';
export type { BuiltLayer, LayerSource } from './image/layerBuilder';
export { nativeBuild } from './image/nativeBuild';
export type {
  ImageSettings,
  NativeBuildOptions,
  NativeBuildResult,
} from './image/nativeBuild';
export { buildahBuild } from './image/buildahBuild';
export type { BuildahBuildOptions } from './image/buildahBuild';
export { buildahUnavailable } from './image/builderAvailable';
