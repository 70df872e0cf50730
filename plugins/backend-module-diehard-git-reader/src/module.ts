import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { DiehardGitUrlReader } from './DiehardGitUrlReader';

/**
 * Adds the reader of the `diehard.git.servers` git servers to the UrlReaderService
 * of every plugin (the catalog, the HA posture backend, the scaffolder's fetch
 * actions). Readers added this way come before the built-in ones, so it takes over
 * URLs under those servers from the generic `backend.reading.allow` reader.
 *
 * @public
 */
export const diehardGitUrlReaderServiceFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return DiehardGitUrlReader.factory;
  },
});
