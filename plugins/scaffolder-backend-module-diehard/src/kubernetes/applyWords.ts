import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import type { ApplyOutcome } from './applyBundle';

const list = (names: string[], none: string) => names.join(', ') || none;
/** French plural of a count: 0 and 1 take the singular. */
const s = (n: number) => (n > 1 ? 's' : '');

const EN_OUTCOME: Record<ApplyOutcome, string> = {
  created: 'created',
  configured: 'configured',
  unchanged: 'unchanged',
};
const FR_OUTCOME: Record<ApplyOutcome, (n: number) => string> = {
  created: n => `créé${s(n)}`,
  configured: n => `configuré${s(n)}`,
  unchanged: n => `inchangé${s(n)}`,
};

/** How many objects applying did what, in `ApplyOutcome` order. */
export type ApplyCounts = Record<ApplyOutcome, number>;

/** What `diehard:kubernetes:apply` says in English (see {@link APPLY_WORDS}). */
const en = {
  image: (object: string, container: string, from: string, to: string) =>
    `image ${object} container ${container}: ${from} → ${to}`,
  refused: (cluster: string, problems: string[]) =>
    `refused before anything was sent to cluster "${cluster}": ${problems.join(
      '; ',
    )}`,
  kindNotAllowed: (what: string, kind: string, allowed: string[]) =>
    `${what}: kind ${kind} is not allowed (allowed: ${list(allowed, 'none')})`,
  namespaceNotAllowed: (what: string, namespace: string, allowed: string[]) =>
    `${what}: namespace "${namespace}" is not allowed (allowed: ${list(
      allowed,
      'none',
    )})`,
  noNamespace: (what: string) =>
    `${what}: no namespace (set metadata.namespace or the action's namespace input)`,
  classesNotListed: (reason: string) =>
    `storage classes of the claims not checked: cannot list StorageClasses (${reason})`,
  classMissing: (claim: string, storageClass: string, known: string[]) =>
    `${claim}: storage class "${storageClass}" does not exist on the cluster (its classes: ${list(
      known,
      'none',
    )})`,
  noDefaultClass: (claim: string, known: string[]) =>
    `${claim}: names no storage class and the cluster has no default one (its classes: ${list(
      known,
      'none',
    )})`,
  neverBind: (problems: string[]) =>
    `${
      problems.length
    } volume claim(s) could never bind; nothing was applied: ${problems.join(
      ' | ',
    )}`,
  dryRunRejected: (rejected: string[], total: number) =>
    `server dry-run rejected ${
      rejected.length
    } of ${total} object(s); nothing was applied: ${rejected.join(' | ')}`,
  otherManagers: (managers: string[]) =>
    `; those fields belong to ${managers
      .map(m => `"${m}"`)
      .join(
        ', ',
      )}: if the objects are another team's, choose another name; if they are yours, forceConflicts: true takes the fields over`,
  dryRunAccepted: (accepted: number, already: number) =>
    `server dry-run accepted ${accepted} object(s)${
      already ? `; ${already} already as their manifests say` : ''
    }`,
  applyFailed: (at: string, done: string[]) =>
    `apply failed at ${at}${
      done.length ? ` (already applied: ${done.join(', ')})` : ''
    }`,
  outcome: (object: string, outcome: ApplyOutcome) =>
    `${object} ${EN_OUTCOME[outcome]}`,
  counts: (c: ApplyCounts) =>
    `${c.created} created, ${c.configured} configured, ${c.unchanged} unchanged`,
  applied: (cluster: string, counts: string, dryRun: boolean) =>
    `${
      dryRun ? 'dry run: would apply' : 'applied'
    } to cluster "${cluster}": ${counts}`,
  progress: (
    updated: number,
    ready: number,
    want: number,
    readyWord: 'available' | 'ready',
  ) => `${updated}/${want} updated, ${ready}/${want} ${readyWord}`,
  rollout: (object: string, progress: string) =>
    `rollout ${object}: ${progress}`,
  notAvailable: (object: string, reason: string) =>
    `rollout ${object}: not available: ${reason}`,
  disappeared: (object: string) => `${object} disappeared during its rollout`,
  rolloutFailed: (
    object: string,
    progress: string,
    failure: string,
    why: string,
  ) =>
    `rollout of ${object} failed (${progress}): ${failure}${
      why ? `; ${why}` : ''
    }`,
  notReady: (object: string, seconds: number, progress: string, why: string) =>
    `rollout of ${object} not ready after ${seconds} s (${progress})${
      why ? `: ${why}` : ''
    }`,
  pods: (pods: string[], more: number, reason: string) =>
    `${pods.length > 1 ? 'pods' : 'pod'} ${pods.join(', ')}${
      more ? ` and ${more} more` : ''
    }: ${reason}`,
  container: (name: string, reason: string) => `container ${name}: ${reason}`,
  lastExit: (code: number, reason: string | undefined, restarts: number) =>
    ` (last exit code ${code}${
      reason ? `: ${reason}` : ''
    }, ${restarts} restarts)`,
  notReadyProbe: 'running but not ready (readiness probe)',
  noPods: 'no pods were created',
  claim: (namespace: string, name: string) => `claim ${namespace}/${name}`,
  claimMissing: (claim: string) => `${claim} does not exist`,
  claimWaitsForVolume: (claim: string, phase: string, volume: string) =>
    `${claim} is ${phase}: waiting for volume ${volume}`,
  claimNoClass: (claim: string, phase: string) =>
    `${claim} is ${phase}: it names no storage class`,
  claimClassMissing: (claim: string, phase: string, storageClass: string) =>
    `${claim} is ${phase}: its storage class "${storageClass}" does not exist on the cluster`,
  claimNoVolume: (
    claim: string,
    phase: string,
    storageClass: string,
    provisioner: string | undefined,
    event: string,
  ) =>
    `${claim} is ${phase}: storage class "${storageClass}"${
      provisioner ? ` (provisioner ${provisioner})` : ''
    } has not provided a volume${event ? `: ${event}` : ''}`,
};

/** The words of one language. */
export type ApplyWords = typeof en;

const fr: ApplyWords = {
  image: (object, container, from, to) =>
    `image ${object} conteneur ${container} : ${from} → ${to}`,
  refused: (cluster, problems) =>
    `refusé avant tout envoi au cluster « ${cluster} » : ${problems.join(
      ' ; ',
    )}`,
  kindNotAllowed: (what, kind, allowed) =>
    `${what} : le type ${kind} n'est pas permis (permis : ${list(
      allowed,
      'aucun',
    )})`,
  namespaceNotAllowed: (what, namespace, allowed) =>
    `${what} : le namespace « ${namespace} » n'est pas permis (permis : ${list(
      allowed,
      'aucun',
    )})`,
  noNamespace: what =>
    `${what} : aucun namespace (renseignez metadata.namespace ou l'entrée namespace de l'action)`,
  classesNotListed: reason =>
    `classes de stockage des claims non vérifiées : impossible de lister les StorageClasses (${reason})`,
  classMissing: (claim, storageClass, known) =>
    `${claim} : la classe de stockage « ${storageClass} » n'existe pas sur le cluster (ses classes : ${list(
      known,
      'aucune',
    )})`,
  noDefaultClass: (claim, known) =>
    `${claim} : ne nomme aucune classe de stockage et le cluster n'en a pas par défaut (ses classes : ${list(
      known,
      'aucune',
    )})`,
  neverBind: problems =>
    `${
      problems.length > 1
        ? `${problems.length} claims de volume ne pourront jamais être liés`
        : '1 claim de volume ne pourra jamais être lié'
    } ; rien n'a été appliqué : ${problems.join(' | ')}`,
  dryRunRejected: (rejected, total) =>
    `l'essai à blanc du serveur a refusé ${rejected.length} objet${s(
      rejected.length,
    )} sur ${total} ; rien n'a été appliqué : ${rejected.join(' | ')}`,
  otherManagers: managers =>
    ` ; ces champs appartiennent à ${managers
      .map(m => `« ${m} »`)
      .join(
        ', ',
      )} : si ces objets sont ceux d'une autre équipe, choisissez un autre nom ; s'ils sont à vous, forceConflicts: true reprend ces champs`,
  dryRunAccepted: (accepted, already) =>
    `l'essai à blanc du serveur a accepté ${accepted} objet${s(accepted)}${
      already ? ` ; ${already} déjà conforme${s(already)} à leur manifeste` : ''
    }`,
  applyFailed: (at, done) =>
    `l'application a échoué sur ${at}${
      done.length ? ` (déjà appliqués : ${done.join(', ')})` : ''
    }`,
  outcome: (object, outcome) => `${object} : ${FR_OUTCOME[outcome](1)}`,
  counts: c =>
    `${c.created} ${FR_OUTCOME.created(c.created)}, ${
      c.configured
    } ${FR_OUTCOME.configured(c.configured)}, ${
      c.unchanged
    } ${FR_OUTCOME.unchanged(c.unchanged)}`,
  applied: (cluster, counts, dryRun) =>
    `${
      dryRun ? 'essai à blanc : appliquerait' : 'appliqué'
    } sur le cluster « ${cluster} » : ${counts}`,
  progress: (updated, ready, want, readyWord) =>
    `${updated}/${want} à jour, ${ready}/${want} ${
      readyWord === 'available' ? 'disponible' : 'prêt'
    }${s(ready)}`,
  rollout: (object, progress) => `déploiement de ${object} : ${progress}`,
  notAvailable: (object, reason) =>
    `déploiement de ${object} : indisponible : ${reason}`,
  disappeared: object => `${object} a disparu pendant son déploiement`,
  rolloutFailed: (object, progress, failure, why) =>
    `le déploiement de ${object} a échoué (${progress}) : ${failure}${
      why ? ` ; ${why}` : ''
    }`,
  notReady: (object, seconds, progress, why) =>
    `le déploiement de ${object} n'est pas prêt après ${seconds} s (${progress})${
      why ? ` : ${why}` : ''
    }`,
  pods: (pods, more, reason) =>
    `${pods.length > 1 ? 'pods' : 'pod'} ${pods.join(', ')}${
      more ? ` et ${more} autre${s(more)}` : ''
    } : ${reason}`,
  container: (name, reason) => `conteneur ${name} : ${reason}`,
  lastExit: (code, reason, restarts) =>
    ` (dernier code de sortie ${code}${
      reason ? ` : ${reason}` : ''
    }, ${restarts} redémarrage${s(restarts)})`,
  notReadyProbe: 'démarré mais pas prêt (sonde readiness)',
  noPods: "aucun pod n'a été créé",
  claim: (namespace, name) => `claim ${namespace}/${name}`,
  claimMissing: claim => `${claim} n'existe pas`,
  claimWaitsForVolume: (claim, phase, volume) =>
    `${claim} est ${phase} : en attente du volume ${volume}`,
  claimNoClass: (claim, phase) =>
    `${claim} est ${phase} : il ne nomme aucune classe de stockage`,
  claimClassMissing: (claim, phase, storageClass) =>
    `${claim} est ${phase} : sa classe de stockage « ${storageClass} » n'existe pas sur le cluster`,
  claimNoVolume: (claim, phase, storageClass, provisioner, event) =>
    `${claim} est ${phase} : la classe de stockage « ${storageClass} »${
      provisioner ? ` (provisionneur ${provisioner})` : ''
    } n'a pas fourni de volume${event ? ` : ${event}` : ''}`,
};

/**
 * What `diehard:kubernetes:apply` says to the template's user while it applies and
 * rolls out, in each language the portal speaks. Objects are named as Kubernetes names
 * them (`Deployment team-a/web`); what the API server or the kubelet says is quoted as
 * they say it.
 */
export const APPLY_WORDS: Record<MessageLanguage, ApplyWords> = { en, fr };
