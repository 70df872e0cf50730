/**
 * Diehard's own annotations, defined once. The Kubernetes plugin's annotations
 * (`backstage.io/kubernetes-id`, `backstage.io/kubernetes-label-selector`) come from
 * `@backstage/plugin-kubernetes-common`.
 */

/**
 * On a catalog entity: the folder of its repository that holds its Kubernetes manifests.
 *
 * @public
 */
export const MANIFESTS_PATH_ANNOTATION = 'diehard.io/manifests-path';

/**
 * On a Service or a volume's object: `"true"` declares the address behind it highly available.
 *
 * @public
 */
export const HIGHLY_AVAILABLE_ANNOTATION = 'diehard.io/highly-available';

/**
 * On a catalog entity: only its owners may see it.
 *
 * @public
 */
export const RESTRICTED_ANNOTATION = 'diehard.io/restricted';
