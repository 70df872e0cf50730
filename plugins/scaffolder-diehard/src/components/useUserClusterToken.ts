import { useEffect, useState } from 'react';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { useTemplateSecrets } from '@backstage/plugin-scaffolder-react';
import type { DeployTarget } from '@diehard/plugin-scaffolder-diehard-common';

/**
 * Puts the signed-in user's token for the chosen cluster in the task's secrets
 * (`userToken.secret`), from the Kubernetes plugin's auth provider; the error when
 * it cannot be had (no Kubernetes plugin in the app, sign-in refused).
 */
export function useUserClusterToken(
  userToken: DeployTarget['userToken'],
): Error | undefined {
  const apis = useApiHolder();
  const { setSecrets } = useTemplateSecrets();
  const [error, setError] = useState<Error>();
  const provider = userToken?.provider;
  const secret = userToken?.secret;
  useEffect(() => {
    setError(undefined);
    if (!provider || !secret) return undefined;
    let current = true;
    const authProviders = apis.get(kubernetesAuthProvidersApiRef);
    (async () => {
      if (!authProviders) {
        throw new Error('the app has no Kubernetes auth providers');
      }
      const { token } = await authProviders.getCredentials(provider);
      if (!token) throw new Error(`no token from ${provider}`);
      if (current) setSecrets({ [secret]: token });
    })().catch(e => {
      if (current) setError(e instanceof Error ? e : new Error(String(e)));
    });
    return () => {
      current = false;
    };
  }, [apis, provider, secret, setSecrets]);
  return error;
}
