import { PrestopMessageId } from './en';

/** The French text of the example rule's findings, same ids and placeholders as the English. */
export const PRESTOP_MESSAGES_FR: Record<PrestopMessageId, string> = {
  'example-prestop-hook.message':
    "{{container}} de {{workload}} n'a pas de hook preStop : lors d'une mise à jour progressive ou de la vidange d'un nœud, Kubernetes l'arrête alors que ses Services peuvent encore lui envoyer des requêtes, et ces requêtes échouent.",
  'example-prestop-hook.remediation':
    'Donnez au conteneur un hook preStop qui attend que les Services cessent de lui envoyer des requêtes :\n\n{{snippet}}',
};
