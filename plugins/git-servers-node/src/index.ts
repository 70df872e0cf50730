/**
 * The git servers of `diehard.git.servers`, shared by `diehard:git:push` and the git
 * UrlReader: their configuration, credentials, and branches.
 *
 * @packageDocumentation
 */
export {
  DEFAULT_RAW_URL,
  basicAuth,
  maskSecrets,
  readGitServers,
} from './gitServers';
export type { GitServer } from './gitServers';
export { advertisedBranches } from './advertisedBranches';
