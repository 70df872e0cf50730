import { InputError } from '@backstage/errors';
import { KubernetesRequestAuth } from '@backstage/plugin-kubernetes-common';

/** `HEADER_KUBERNETES_AUTH` of `@backstage/plugin-kubernetes-backend`, lower case as Node gives it. */
const PREFIX = 'backstage-kubernetes-authorization';
/** Larger than any ID or access token; a bigger header is refused, not read. */
const MAX_TOKEN_LENGTH = 16_384;
const MAX_HEADERS = 16;

/**
 * The user's cluster tokens sent the way the Kubernetes plugin's frontend sends them
 * (`Backstage-Kubernetes-Authorization-<provider>`,
 * `Backstage-Kubernetes-Authorization-oidc-<oidcTokenProvider>`), in that plugin's
 * `KubernetesRequestAuth` shape, read as its proxy reads them. Empty without such headers.
 *
 * @public
 */
export function requestAuthFromHeaders(
  headers: Record<string, string | string[] | undefined>,
): KubernetesRequestAuth {
  const names = Object.keys(headers).filter(h =>
    h.toLowerCase().startsWith(`${PREFIX}-`),
  );
  if (names.length > MAX_HEADERS) {
    throw new InputError(
      `too many ${PREFIX}-* headers (${names.length}, at most ${MAX_HEADERS})`,
    );
  }
  const auth: Record<string, any> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value !== 'string' || value.length === 0) {
      throw new InputError(`header ${name} must hold one token`);
    }
    if (value.length > MAX_TOKEN_LENGTH) {
      throw new InputError(
        `header ${name} is longer than ${MAX_TOKEN_LENGTH} characters`,
      );
    }
    const [framework, ...rest] = name
      .toLowerCase()
      .slice(PREFIX.length + 1)
      .split('-');
    if (!framework) continue;
    if (rest.length === 0) {
      auth[framework] = value;
    } else {
      const provider = rest.join('-');
      const inner =
        auth[framework] && typeof auth[framework] === 'object'
          ? auth[framework]
          : {};
      auth[framework] = { ...inner, [provider]: value };
    }
  }
  return auth as KubernetesRequestAuth;
}
