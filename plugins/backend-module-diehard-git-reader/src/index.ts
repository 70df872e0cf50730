/**
 * A UrlReader for the plain smart-HTTP git servers of `diehard.git.servers`.
 *
 * @packageDocumentation
 */
export { diehardGitUrlReaderServiceFactory as default } from './module';
export { DiehardGitUrlReader } from './DiehardGitUrlReader';
export type { DiehardGitReadLimits } from './DiehardGitUrlReader';
