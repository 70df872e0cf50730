import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { DEFAULT_ITEM_TITLES_FR } from '@diehard/plugin-handoff-review-common';
import { handoffReviewTranslationRef } from '../translation';

export default createTranslationMessages({
  ref: handoffReviewTranslationRef,
  full: true,
  messages: {
    title: 'Revue de passation',
    'postureCard.label': 'Revue de passation',
    'postureCard.none': 'Aucune pour l’instant',
    'postureCard.open': 'Ouverte : {{done}} éléments faits sur {{total}}',
    'postureCard.approved': 'Validée par Dev et Ops',
    'postureCard.stale': 'Caduque : {{reasons}}',
    'postureCard.staleDegraded':
      'la posture est passée de {{signed}} à {{current}}',
    'postureCard.staleWaiver_one': '{{count}} dérogation expirée',
    'postureCard.staleWaiver_other': '{{count}} dérogations expirées',
    'postureCard.noGrade': 'Pas de note',
    'postureCard.link': 'Ouvrir la revue de passation',
    'postureCard.failed':
      'Impossible de lire la revue de passation : {{message}}',
    loadFailed: 'Impossible de charger les revues de passation : {{message}}',
    retry: 'Réessayer',
    'status.open': 'Ouverte',
    'status.approved': 'Validée',
    'status.stale': 'Caduque',
    'state.passed': 'Conforme',
    'state.failed': 'Non conforme',
    'state.open': 'À traiter',
    'state.waived': 'Dérogation',
    'side.dev': 'Côté Dev',
    'side.ops': 'Côté Ops',
    'side.devName': 'Dev',
    'side.opsName': 'Ops',
    'side.group': 'Validé par un membre de {{group}}',
    'grade.value': 'note {{grade}}',
    'grade.none': 'sans note',
    'grade.unknown': 'inconnue',
    'grade.details':
      '{{grade}} (critiques : {{critical}}, avertissements : {{warning}})',
    'content.tabTitle': 'Revue de passation',
    'content.none':
      "Pas encore de revue de passation pour cette entité. Ouvrez-en une quand le service est sur le point de passer en production : Dev et Ops s'accordent alors, point par point, sur sa résistance aux pannes de machines.",
    'content.open': 'Ouvrir une revue de passation',
    'content.opening': 'Ouverture…',
    'content.openFailed': "Impossible d'ouvrir la revue : {{message}}",
    'content.openRefused':
      "La politique d'autorisations ne vous permet pas d'ouvrir une revue de passation sur cette entité.",
    'content.openNoOwner':
      'Impossible d’ouvrir la revue : cette entité n’a pas de propriétaire dans le catalogue, or c’est son groupe propriétaire qui valide côté Dev. Donnez-lui un propriétaire, puis ouvrez la revue.',
    'content.readRefused':
      'la politique d’autorisation ne vous permet pas de consulter les revues de passation de cette entité',
    'content.openedBy': 'Ouverte par {{user}} le {{when}}',
    'content.version': 'Version {{version}}',
    'content.postureWhenOpened': "Posture à l'ouverture",
    'content.postureNow': 'Posture actuelle',
    'content.staleExplanation':
      "Validée, mais plus d'actualité : la posture s'est dégradée depuis la validation, ou une dérogation a expiré.",
    'content.reload': 'Recharger',
    'item.automatic': 'Vérifié par le moteur de posture',
    'item.manual': "Renseigné par l'équipe",
    'item.evidence.pass': "Le moteur de posture ne trouve rien d'anormal.",
    'item.evidence.fail': 'Le moteur de posture trouve un problème.',
    'item.evidence.unknown': "Le moteur de posture n'avait rien à évaluer.",
    'item.checked': 'Évalué : {{objects}}',
    'item.checkedNone': 'Rien de ce type à évaluer autour des pods.',
    'item.findings': 'Constats',
    'item.finding': '{{severity}} : {{message}}',
    'severity.critical': 'critique',
    'severity.warning': 'avertissement',
    'severity.info': 'info',
    'item.answeredDone': 'Marqué fait par {{user}} le {{when}}',
    'item.answeredNotDone': 'Marqué non fait par {{user}} le {{when}}',
    'item.waiver':
      "Dérogation accordée par {{user}} jusqu'au {{expiresOn}} : {{reason}}",
    'item.waiverExpired':
      'Dérogation accordée par {{user}}, expirée le {{expiresOn}} : {{reason}}',
    'item.markDone': 'Marquer fait',
    'item.markNotDone': 'Marquer non fait',
    'item.comment': 'Commenter',
    'item.commentLabel': 'Votre commentaire',
    'item.postComment': 'Publier le commentaire',
    'item.cancel': 'Annuler',
    'item.waive': 'Accorder une dérogation',
    'item.comments': 'Commentaires',
    'item.commentBy': '{{user}}, {{when}}',
    'itemTitle.replicas': DEFAULT_ITEM_TITLES_FR.replicas,
    'itemTitle.spread': DEFAULT_ITEM_TITLES_FR.spread,
    'itemTitle.disruption': DEFAULT_ITEM_TITLES_FR.disruption,
    'itemTitle.probes': DEFAULT_ITEM_TITLES_FR.probes,
    'itemTitle.rollout': DEFAULT_ITEM_TITLES_FR.rollout,
    'itemTitle.sessions': DEFAULT_ITEM_TITLES_FR.sessions,
    'itemTitle.database': DEFAULT_ITEM_TITLES_FR.database,
    'itemTitle.storage': DEFAULT_ITEM_TITLES_FR.storage,
    'itemTitle.ingress': DEFAULT_ITEM_TITLES_FR.ingress,
    'itemTitle.image': DEFAULT_ITEM_TITLES_FR.image,
    'itemTitle.resources': DEFAULT_ITEM_TITLES_FR.resources,
    'itemTitle.network': DEFAULT_ITEM_TITLES_FR.network,
    'itemTitle.control-plane': DEFAULT_ITEM_TITLES_FR['control-plane'],
    'itemTitle.dev-load-tested': DEFAULT_ITEM_TITLES_FR['dev-load-tested'],
    'itemTitle.dev-restore-tested':
      DEFAULT_ITEM_TITLES_FR['dev-restore-tested'],
    'itemTitle.dev-runbook': DEFAULT_ITEM_TITLES_FR['dev-runbook'],
    'itemTitle.ops-on-call': DEFAULT_ITEM_TITLES_FR['ops-on-call'],
    'itemTitle.ops-monitoring': DEFAULT_ITEM_TITLES_FR['ops-monitoring'],
    'itemTitle.ops-backups': DEFAULT_ITEM_TITLES_FR['ops-backups'],
    'waive.title': 'Dérogation pour « {{item}} »',
    'waive.explanation':
      "Une dérogation accepte le risque jusqu'à une date. Le point compte comme traité jusque-là, et la revue devient caduque à l'expiration de la dérogation.",
    'waive.reason': 'Motif',
    'waive.expiresOn': "Date d'expiration",
    'waive.expiresOnHelp': "Une date postérieure à aujourd'hui",
    'waive.submit': 'Accorder la dérogation',
    'waive.cancel': 'Annuler',
    'signOff.button': 'Valider côté {{side}}',
    'signOff.signed': 'Validé par {{user}} le {{when}}, {{grade}}',
    'signOff.notSigned': 'Pas encore validé',
    'signOff.blockedHere_one':
      '{{count}} point de ce côté est à traiter ou non conforme : renseignez-le ou accordez une dérogation avant de valider.',
    'signOff.blockedHere_other':
      '{{count}} points de ce côté sont à traiter ou non conformes : renseignez-les ou accordez une dérogation avant de valider.',
    'signOff.blockedOther_one':
      '{{count}} point côté {{side}} est à traiter ou non conforme : chaque côté valide la revue entière, une fois chaque point renseigné ou couvert par une dérogation.',
    'signOff.blockedOther_other':
      '{{count}} points côté {{side}} sont à traiter ou non conformes : chaque côté valide la revue entière, une fois chaque point renseigné ou couvert par une dérogation.',
    'signOff.blockedBoth_one':
      '{{count}} point de ce côté et {{other}} côté {{side}} sont à traiter ou non conformes : chaque côté valide la revue entière, une fois chaque point renseigné ou couvert par une dérogation.',
    'signOff.blockedBoth_other':
      '{{count}} points de ce côté et {{other}} côté {{side}} sont à traiter ou non conformes : chaque côté valide la revue entière, une fois chaque point renseigné ou couvert par une dérogation.',
    'access.signOffNotMember':
      'Validation {{side}} : un membre de {{group}} valide ici',
    'access.signOffPolicy':
      "Validation {{side}} : la politique d'autorisation ne vous permet pas de valider ici",
    'access.answerNotMember':
      'Points {{side}} : un membre de {{group}} les renseigne',
    'access.answerPolicy':
      "Points {{side}} : la politique d'autorisation ne vous permet pas de les renseigner",
    'access.waivePolicy':
      "Dérogations : la politique d'autorisation ne vous permet pas d'en accorder sur cette entité",
    'access.commentPolicy':
      "Commentaires : la politique d'autorisation ne vous permet pas de commenter cette revue",
    'change.conflict':
      "Votre modification n'a pas été appliquée : la revue n'est plus celle affichée ici (quelqu'un l'a modifiée, ou une dérogation a expiré). Elle a été rechargée ; vérifiez-la et recommencez si votre modification a toujours lieu d'être.",
    'change.failed': 'Votre modification a été refusée : {{message}}',
    'change.notMember':
      "Votre modification a été refusée : elle revient au côté {{side}}, et vous n'êtes pas membre de {{group}}.",
    'change.policyAnswer':
      'Votre modification a été refusée : la politique d’autorisation ne vous permet pas de renseigner ni de commenter les points de cette revue.',
    'change.policyWaive':
      'Votre modification a été refusée : la politique d’autorisation ne vous permet pas d’accorder de dérogation sur cette entité.',
    'change.policySignOff':
      'Votre modification a été refusée : la politique d’autorisation ne vous permet pas de valider cette revue.',
    'change.unknownItem':
      'Votre modification a été refusée : cette revue n’a pas de point « {{item}} ». Rechargez-la pour voir ses points tels qu’ils sont.',
    'change.itemCheckedByEngine':
      'Votre modification a été refusée : « {{item}} » est vérifié par le moteur de posture, il ne peut donc pas être marqué fait ou non fait. Commentez-le ou accordez une dérogation.',
    'change.commentNotVisible':
      'Votre modification a été refusée : le commentaire ne contient aucun texte visible, seulement des espaces ou des caractères invisibles.',
    'change.waiverReasonNotVisible':
      'Votre modification a été refusée : le motif de la dérogation ne contient aucun texte visible, seulement des espaces ou des caractères invisibles.',
    'change.commentTooLong':
      'Votre modification a été refusée : le commentaire fait {{length}} caractères, alors qu’un commentaire en compte au plus {{max}}.',
    'change.waiverReasonTooLong':
      'Votre modification a été refusée : le motif de la dérogation fait {{length}} caractères, alors qu’un motif en compte au plus {{max}}.',
    'change.waiverDateInvalid':
      "Votre modification a été refusée : la date d'expiration de la dérogation n'est pas une date valide.",
    'change.waiverDateNotAfterToday':
      "Votre modification a été refusée : une dérogation doit expirer après aujourd'hui.",
    'change.waiverDateTooLate':
      'Votre modification a été refusée : une dérogation dure au plus {{maxDays}} jours, elle doit donc expirer le {{latest}} au plus tard.',
    'change.dismiss': 'Fermer',
    'export.download': 'Exporter en Markdown',
    'export.copy': 'Copier en Markdown',
    'export.copied': 'Markdown copié dans le presse-papiers.',
    'export.failed': "Impossible d'exporter la revue : {{message}}",
    'history.title': 'Historique',
    'history.empty': 'Aucune modification pour le moment.',
    'history.when': 'Quand',
    'history.who': 'Qui',
    'history.what': 'Quoi',
    'history.open': 'A ouvert la revue : {{grade}}',
    'history.answerDone': 'A marqué « {{item}} » fait',
    'history.answerNotDone': 'A marqué « {{item}} » non fait',
    'history.comment': 'A commenté « {{item}} » : {{text}}',
    'history.waive':
      "A accordé une dérogation pour « {{item}} » jusqu'au {{expiresOn}} : {{reason}}",
    'history.signOff': 'A validé côté {{side}} : {{grade}}',
    'history.signOffsCleared':
      'Validations retirées : la revue a changé après leur signature.',
    'history.other': '{{action}}',
    'history.failed': "Impossible de charger l'historique : {{message}}",
    'page.title': 'Revues de passation',
    'page.subtitle':
      "Les revues qui attendent Ops, et les revues validées qui ne sont plus d'actualité",
    'page.entity': 'Entité',
    'page.status': 'Statut',
    'page.openedBy': 'Ouverte par',
    'page.openedAt': 'Ouverte',
    'page.remaining': 'Points à traiter ou non conformes',
    'page.signOffs': 'Validée par',
    'page.filterText': 'Filtrer par entité',
    'page.filterStatus': 'Statut',
    'page.all': 'Ouvertes et caduques',
    'page.empty': 'Aucune revue ne correspond.',
    'page.none': 'Personne',
  },
});
