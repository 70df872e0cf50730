import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DiehardTargetsClient } from '@diehard/plugin-scaffolder-diehard-common';
import { diehardTargetsApiRef } from './DiehardTargetsApi';

/** What the pickers list, for the fields of either frontend system. */
export const diehardTargetsApiFactory = createApiFactory({
  api: diehardTargetsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new DiehardTargetsClient({ discoveryApi, fetchApi }),
});
