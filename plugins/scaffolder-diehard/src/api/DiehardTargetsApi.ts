import { createApiRef } from '@backstage/frontend-plugin-api';
import { DiehardTargetsApi } from '@diehard/plugin-scaffolder-diehard-common';

/**
 * What the pickers list: `GET /api/scaffolder/diehard/targets`, as the signed-in user.
 *
 * @public
 */
export const diehardTargetsApiRef = createApiRef<DiehardTargetsApi>({
  id: 'plugin.scaffolder.diehard-targets',
});
