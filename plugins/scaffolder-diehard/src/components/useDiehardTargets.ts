import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { diehardTargetsApiRef } from '../api';

/** The clusters the signed-in user may deploy to, loaded once per field. */
export function useDiehardTargets() {
  const api = useApi(diehardTargetsApiRef);
  return useAsync(() => api.getTargets(), [api]);
}
