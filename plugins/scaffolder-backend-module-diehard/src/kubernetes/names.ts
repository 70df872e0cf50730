/** A Kubernetes object name (DNS subdomain: StorageClass, Ingress, Namespace…). */
export const KUBERNETES_NAME = /^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/;

/** A host an Ingress rule serves: a DNS name, or a wildcard's `*.` and a DNS name. */
export const INGRESS_HOST =
  /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
