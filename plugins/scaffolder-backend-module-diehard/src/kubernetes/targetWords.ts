import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import type { HostTaken } from './ingressHosts';

const list = (names: string[], none: string) => names.join(', ') || none;
const quoted = (names: string[]) => names.map(n => `"${n}"`).join(', ');
const guillemets = (names: string[]) => names.map(n => `« ${n} »`).join(', ');

/**
 * What the check of a deployment target says to the template's user, in each language the
 * portal speaks: the cluster by name and title, never its URL or token.
 */
export const TARGET_WORDS = {
  en: {
    notATarget: (cluster: string, open: string[]) =>
      `cluster "${cluster}" is not a cluster templates may deploy to (open to you: ${list(
        open,
        'none',
      )}; see diehard.apply.clusters)`,
    namespaceNotAllowed: (
      namespace: string,
      cluster: string,
      allowed: string[],
    ) =>
      `namespace "${namespace}" is not allowed on cluster "${cluster}" (allowed: ${list(
        allowed,
        'none',
      )})`,
    mayNotApply: (
      user: string | undefined,
      cluster: string,
      permission: string,
    ) =>
      `${
        user ?? 'the task initiator'
      } may not apply to cluster "${cluster}" (permission ${permission})`,
    cluster: (cluster: string, title: string) =>
      `cluster "${cluster}" (${title})`,
    noNamespace: (namespace: string, cluster: string) =>
      `namespace "${namespace}" does not exist on ${cluster}: ask its administrators to create it`,
    noAnswer: (cluster: string) =>
      `${cluster} does not answer: check that it runs and that the portal reaches the URL given in kubernetes.clusterLocatorMethods`,
    userTokenRefused: (cluster: string, provider: string) =>
      `${cluster} refuses your ${provider} token: sign in again and restart the template`,
    portalCredentialsRefused: (cluster: string, credentials: string) =>
      `${cluster} refuses the portal's credentials: renew its ${credentials} in kubernetes.clusterLocatorMethods`,
    credentials: (provider: string) => `${provider} credentials`,
    noStorageClass: (missing: string[], cluster: string, known: string[]) =>
      `${
        missing.length > 1
          ? `storage classes ${quoted(missing)} do not exist`
          : `storage class ${quoted(missing)} does not exist`
      } on ${cluster}: choose one of its classes (${list(known, 'none')})`,
    hostsTaken: (taken: HostTaken[], cluster: string) =>
      `${taken
        .map(
          t =>
            `host "${t.host}" is already served by ${
              t.ingress
                ? `Ingress ${t.ingress}`
                : 'an Ingress of another namespace'
            }`,
        )
        .join(
          '; ',
        )} on ${cluster}: choose another host name, or remove that Ingress first`,
    open: (cluster: string, title: string, namespace?: string) =>
      `target: cluster "${cluster}" (${title})${
        namespace ? `, namespace "${namespace}"` : ''
      } is open to this task`,
  },
  fr: {
    notATarget: (cluster: string, open: string[]) =>
      `le cluster « ${cluster} » ne fait pas partie des clusters où les modèles peuvent déployer (ouverts pour vous : ${list(
        open,
        'aucun',
      )} ; voir diehard.apply.clusters)`,
    namespaceNotAllowed: (
      namespace: string,
      cluster: string,
      allowed: string[],
    ) =>
      `le namespace « ${namespace} » n'est pas permis sur le cluster « ${cluster} » (permis : ${list(
        allowed,
        'aucun',
      )})`,
    mayNotApply: (
      user: string | undefined,
      cluster: string,
      permission: string,
    ) =>
      `${
        user ?? "l'initiateur de la tâche"
      } n'a pas le droit d'appliquer sur le cluster « ${cluster} » (permission ${permission})`,
    cluster: (cluster: string, title: string) =>
      `le cluster « ${cluster} » (${title})`,
    noNamespace: (namespace: string, cluster: string) =>
      `le namespace « ${namespace} » n'existe pas sur ${cluster} : demandez à ses administrateurs de le créer`,
    noAnswer: (cluster: string) =>
      `${cluster} ne répond pas : vérifiez qu'il tourne et que le portail joint l'URL donnée dans kubernetes.clusterLocatorMethods`,
    userTokenRefused: (cluster: string, provider: string) =>
      `${cluster} refuse votre jeton ${provider} : reconnectez-vous et relancez le modèle`,
    portalCredentialsRefused: (cluster: string, credentials: string) =>
      `${cluster} refuse les identifiants du portail : renouvelez ses ${credentials} dans kubernetes.clusterLocatorMethods`,
    credentials: (provider: string) => `identifiants ${provider}`,
    noStorageClass: (missing: string[], cluster: string, known: string[]) =>
      `${
        missing.length > 1
          ? `les classes de stockage ${guillemets(missing)} n'existent pas`
          : `la classe de stockage ${guillemets(missing)} n'existe pas`
      } sur ${cluster} : choisissez l'une de ses classes (${list(
        known,
        'aucune',
      )})`,
    hostsTaken: (taken: HostTaken[], cluster: string) =>
      `${taken
        .map(
          t =>
            `l'hôte « ${t.host} » est déjà servi par ${
              t.ingress
                ? `l'Ingress ${t.ingress}`
                : "un Ingress d'un autre namespace"
            }`,
        )
        .join(
          ' ; ',
        )} sur ${cluster} : choisissez un autre nom d'hôte, ou supprimez d'abord cet Ingress`,
    open: (cluster: string, title: string, namespace?: string) =>
      `cible : le cluster « ${cluster} » (${title})${
        namespace ? `, namespace « ${namespace} »` : ''
      } est ouvert à cette tâche`,
  },
} satisfies Record<MessageLanguage, unknown>;

export type TargetWords = (typeof TARGET_WORDS)['en'];
