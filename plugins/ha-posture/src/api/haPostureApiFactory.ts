import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { HaPostureClient } from '@diehard/plugin-ha-posture-common';
import { haPostureApiRef } from './HaPostureApi';

/** The ha-posture backend's client, for the plugin of either frontend system. */
export const haPostureApiFactory = createApiFactory({
  api: haPostureApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new HaPostureClient({ discoveryApi, fetchApi }),
});
