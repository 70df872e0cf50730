/**
 * The HA lab: real infrastructure as plain processes on 127.0.0.0/8 for tests,
 * benchmarks and the demo. See lab/README.md.
 *
 * @packageDocumentation
 */
export { useLab } from './useLab';
export type {
  Lab,
  GaleraLab,
  KubernetesLab,
  TomcatLab,
  UseLabOptions,
} from './useLab';
export { labUp, labDown, labStatus, parseComponentNames } from './lab';
export type { LabRunOptions, ComponentStatus } from './lab';
export type { LabEndpoints } from './endpoints';
export type { ComponentName, UpOptions } from './components/types';
export { COMPONENT_NAMES } from './components/types';
export {
  startPostgres,
  stopPostgres,
  dropDatabasesWithPrefix,
  backstageDatabaseConfig,
} from './components/postgres';
export type {
  PostgresEndpoint,
  PostgresInstanceOptions,
} from './components/postgres';
export type { RegistryEndpoint } from './components/registry';
export type { KubernetesEndpoint } from './components/kubernetes';
export { pauseKubernetesSimulation } from './components/kubernetes';
export { labClusterLocators } from './components/kubernetes/clusterLocators';
export type {
  ControlPlaneEndpoint,
  ControlPlaneOperations,
} from './components/kubernetes/controlPlane';
export type {
  GaleraEndpoint,
  GaleraNodeEndpoint,
  WsrepStatus,
} from './components/galera';
export type { GitEndpoint } from './components/git';
export { cloneLabRepo, labGitCli, labGitRepo } from './components/git/testRepo';
export type { OidcEndpoint, OidcUser } from './components/oidc';
export { oidcSignIn } from './components/oidc/signIn';
export type { OidcTokens } from './components/oidc/signIn';
export { startOidcLab } from './components/oidc/oidcLab';
export type { OidcLab } from './components/oidc/oidcLab';
export { startPrivateLab } from './privateLab';
export type { PrivateLab } from './privateLab';
export { trustLabCa } from './util/tls';
export { startTomcat } from './components/tomcat';
export type {
  TomcatEndpoint,
  TomcatInstance,
  TomcatOptions,
} from './components/tomcat';
export {
  buildDebianImage,
  ensurePlatformImages,
  labRegistryClient,
  PLATFORM_IMAGES,
} from './images';
export type { BuiltImage, PlatformImage, DebianImageSpec } from './images';
export { labEnv } from './cli/env';
export { withPackageFilesSteady } from './util/packageFilesLock';
export { labPaths } from './paths';
export type { LabPaths } from './paths';
export { LAB_HOST, LAB_PORTS } from './ports';
export { LabError } from './util/errors';
export { freePort } from './util/net';
export { httpGet } from './util/http';
export {
  ensureHelm,
  helmBinary,
  pinnedHelmVersion,
  type HelmBinary,
} from './tools/helm';
export {
  ensureKustomize,
  kustomizeBinary,
  pinnedKustomizeVersion,
  type KustomizeBinary,
} from './tools/kustomize';
