import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { notificationsTranslationRef } from '@backstage/plugin-notifications/alpha';

export default createTranslationMessages({
  ref: notificationsTranslationRef,
  full: true,
  messages: {
    'notificationsPage.title': 'Notifications',
    'notificationsPage.tableTitle.all_one':
      'Toutes les notifications ({{count}})',
    'notificationsPage.tableTitle.all_other':
      'Toutes les notifications ({{count}})',
    'notificationsPage.tableTitle.saved_one':
      'Notifications enregistrées ({{count}})',
    'notificationsPage.tableTitle.saved_other':
      'Notifications enregistrées ({{count}})',
    'notificationsPage.tableTitle.unread_one':
      'Notifications non lues ({{count}})',
    'notificationsPage.tableTitle.unread_other':
      'Notifications non lues ({{count}})',
    'notificationsPage.tableTitle.read_one': 'Notifications lues ({{count}})',
    'notificationsPage.tableTitle.read_other': 'Notifications lues ({{count}})',
    'filters.title': 'Filtres',
    'filters.view.label': 'Afficher',
    'filters.view.unread': 'Notifications non lues',
    'filters.view.read': 'Notifications lues',
    'filters.view.saved': 'Enregistrées',
    'filters.view.all': 'Toutes',
    'filters.createdAfter.label': 'Envoyées',
    'filters.createdAfter.placeholder': 'Notifications depuis',
    'filters.createdAfter.last24h': 'Dernières 24 h',
    'filters.createdAfter.lastWeek': 'Semaine dernière',
    'filters.createdAfter.anyTime': 'N’importe quand',
    'filters.sortBy.label': 'Trier par',
    'filters.sortBy.placeholder': 'Champ de tri',
    'filters.sortBy.newest': 'Plus récentes en haut',
    'filters.sortBy.oldest': 'Plus anciennes en haut',
    'filters.sortBy.topic': 'Sujet',
    'filters.sortBy.origin': 'Origine',
    'filters.severity.label': 'Gravité minimale',
    'filters.severity.critical': 'Critique',
    'filters.severity.high': 'Élevée',
    'filters.severity.normal': 'Normale',
    'filters.severity.low': 'Faible',
    'filters.topic.label': 'Sujet',
    'filters.topic.anyTopic': 'Tous les sujets',
    'table.emptyMessage': 'Aucune notification',
    'table.pagination.firstTooltip': 'Première page',
    'table.pagination.labelDisplayedRows': '{from}-{to} sur {count}',
    'table.pagination.labelRowsSelect': 'lignes',
    'table.pagination.lastTooltip': 'Dernière page',
    'table.pagination.nextTooltip': 'Page suivante',
    'table.pagination.previousTooltip': 'Page précédente',
    'table.bulkActions.markAllRead': 'Tout marquer comme lu',
    'table.bulkActions.markSelectedAsRead': 'Marquer la sélection comme lue',
    'table.bulkActions.returnSelectedAmongUnread':
      'Remettre la sélection parmi les non lues',
    'table.bulkActions.saveSelectedForLater':
      'Enregistrer la sélection pour plus tard',
    'table.bulkActions.undoSaveForSelected': 'Ne plus enregistrer la sélection',
    'table.confirmDialog.title': 'En êtes-vous sûr ?',
    'table.confirmDialog.markAllReadDescription':
      'Marquer toutes les notifications comme lues.',
    'table.confirmDialog.markAllReadConfirmation': 'Tout marquer',
    'table.confirmDialog.cancel': 'Annuler',
    'table.errors.markAllReadFailed':
      'Impossible de marquer toutes les notifications comme lues',
    'sidebar.title': 'Notifications',
    'sidebar.errors.markAsReadFailed':
      'Impossible de marquer la notification comme lue',
    'sidebar.errors.fetchNotificationFailed':
      'Impossible de charger la notification',
    'settings.title': 'Réglages des notifications',
    'settings.errorTitle': 'Impossible de charger les réglages',
    'settings.noSettingsAvailable':
      'Aucun réglage de notification disponible pour le moment',
    'settings.table.origin': 'Origine',
    'settings.table.topic': 'Sujet',
    'settings.errors.useNotificationFormat':
      'useNotificationFormat doit être utilisé dans un NotificationFormatProvider',
    'unreadCard.title_one': 'Dernières notifications non lues ({{count}})',
    'unreadCard.title_other': 'Dernières notifications non lues ({{count}})',
    'unreadCard.viewAll': 'Tout voir',
    'unreadCard.emptyState': 'Tout est lu !',
    'unreadCard.columnNotification': 'Notification',
    'unreadCard.columnActions': 'Actions',
    'unreadCard.resultsCount': '{{displayed}} résultats sur {{total}}',
  },
});
