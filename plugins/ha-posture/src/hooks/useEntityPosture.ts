import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityPosture } from '@diehard/plugin-ha-posture-common';
import { haPostureApiRef } from '../api';
import { useClusterAuthHeaders } from './useClusterAuthHeaders';

export interface EntityPostureState {
  loading: boolean;
  error?: Error;
  /** undefined while loading, on error, or when the backend does not know the entity. */
  posture?: EntityPosture;
  refresh: () => Promise<unknown>;
  refreshing: boolean;
  refreshError?: Error;
}

/** The posture of one entity, and a way to have it recomputed now. */
export function useEntityPosture(ref: CompoundEntityRef): EntityPostureState {
  const api = useApi(haPostureApiRef);
  const authHeaders = useClusterAuthHeaders();
  const { kind, namespace, name } = ref;
  const key = `${kind}:${namespace}/${name}`;
  // A refreshed posture, kept with the entity it belongs to: the component may
  // stay mounted while the user moves to another entity.
  const [refreshed, setRefreshed] = useState<{
    key: string;
    posture: EntityPosture;
  }>();

  const state = useAsync(
    () => api.getEntityPosture({ kind, namespace, name }),
    [api, kind, namespace, name],
  );

  const [refreshState, refresh] = useAsyncFn(async () => {
    // Refresh reads the clusters that need the user's token as that user.
    const posture = await api.refreshEntityPosture(
      { kind, namespace, name },
      { headers: await authHeaders() },
    );
    setRefreshed({ key: `${kind}:${namespace}/${name}`, posture });
    return posture;
  }, [api, authHeaders, kind, namespace, name]);

  return {
    loading: state.loading,
    error: state.error,
    posture: refreshed?.key === key ? refreshed.posture : state.value,
    refresh,
    refreshing: refreshState.loading,
    refreshError: refreshState.error,
  };
}
