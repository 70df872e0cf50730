import { InputError } from '@backstage/errors';
import {
  FINDING_MESSAGES_EN,
  FINDING_MESSAGES_FR,
} from '@diehard/plugin-ha-posture-common';
import {
  DEFAULT_ITEM_TITLES,
  DEFAULT_ITEM_TITLES_FR,
} from '@diehard/plugin-handoff-review-common';

/** The languages the Markdown export is written in. */
export type ExportLanguage = 'en' | 'fr';

/** What the export itself writes (never what a person or a manifest wrote). */
export interface ExportLabels {
  heading: (entityRef: string) => string;
  statusLine: (status: string) => string;
  finding: (severity: string, message: string) => string;
  status: Record<string, string>;
  staleNote: string;
  openedBy: (who: string, when: string) => string;
  postureWhenOpened: (
    grade: string,
    critical: number,
    warning: number,
  ) => string;
  groups: (dev: string, ops: string) => string;
  side: { dev: string; ops: string };
  sideName: { dev: string; ops: string };
  state: Record<string, string>;
  severity: Record<string, string>;
  waived: (who: string, until: string, reason: string) => string;
  checked: (objects: string) => string;
  checkedNone: string;
  signOffs: string;
  noSignOff: string;
  signOff: (side: string, who: string, when: string, grade: string) => string;
  gradeNone: string;
  history: string;
  action: Record<string, string>;
  itemTitles: Record<string, string>;
  findingMessages: Record<string, string>;
}

const EN: ExportLabels = {
  heading: ref => `Handoff review: ${ref}`,
  statusLine: status => `Status: **${status}**`,
  finding: (severity, message) => `${severity}: ${message}`,
  status: { open: 'open', approved: 'approved' },
  staleNote: ' (stale: changed since it was signed)',
  openedBy: (who, when) => `Opened by ${who} on ${when}`,
  postureWhenOpened: (grade, critical, warning) =>
    `HA posture when opened: grade ${grade} (${critical} critical, ${warning} warning)`,
  groups: (dev, ops) => `Dev: ${dev}; Ops: ${ops}`,
  side: { dev: 'Dev side', ops: 'Ops side' },
  sideName: { dev: 'Dev', ops: 'Ops' },
  state: { passed: 'passed', failed: 'failed', open: 'open', waived: 'waived' },
  severity: { critical: 'critical', warning: 'warning', info: 'info' },
  waived: (who, until, reason) => `waived by ${who} until ${until}: ${reason}`,
  checked: objects => `judged: ${objects}`,
  checkedNone: 'nothing of this kind around the pods to judge',
  signOffs: 'Sign-offs',
  noSignOff: 'None yet.',
  signOff: (side, who, when, grade) =>
    `${side}: ${who} on ${when}, at grade ${grade}`,
  gradeNone: 'none',
  history: 'History',
  action: {},
  itemTitles: DEFAULT_ITEM_TITLES,
  findingMessages: FINDING_MESSAGES_EN,
};

const FR: ExportLabels = {
  heading: ref => `Revue de passation : ${ref}`,
  statusLine: status => `Statut : **${status}**`,
  finding: (severity, message) => `${severity} : ${message}`,
  status: { open: 'ouverte', approved: 'validée' },
  staleNote: ' (caduque : modifiée depuis sa validation)',
  openedBy: (who, when) => `Ouverte par ${who} le ${when}`,
  postureWhenOpened: (grade, critical, warning) =>
    `Posture HA à l'ouverture : note ${grade} (${critical} critique(s), ${warning} avertissement(s))`,
  groups: (dev, ops) => `Dev : ${dev} ; Ops : ${ops}`,
  side: { dev: 'Côté Dev', ops: 'Côté Ops' },
  sideName: { dev: 'Dev', ops: 'Ops' },
  state: {
    passed: 'conforme',
    failed: 'non conforme',
    open: 'à traiter',
    waived: 'dérogation',
  },
  severity: { critical: 'critique', warning: 'avertissement', info: 'info' },
  waived: (who, until, reason) =>
    `dérogation accordée par ${who} jusqu'au ${until} : ${reason}`,
  checked: objects => `évalué : ${objects}`,
  checkedNone: 'rien de ce type à évaluer autour des pods',
  signOffs: 'Validations',
  noSignOff: 'Aucune pour le moment.',
  signOff: (side, who, when, grade) =>
    `${side} : ${who} le ${when}, à la note ${grade}`,
  gradeNone: 'aucune',
  history: 'Historique',
  action: {
    open: 'ouverture',
    answer: 'réponse',
    comment: 'commentaire',
    waive: 'dérogation',
    'sign-off': 'validation',
  },
  itemTitles: DEFAULT_ITEM_TITLES_FR,
  findingMessages: FINDING_MESSAGES_FR,
};

export const EXPORT_LABELS: Record<ExportLanguage, ExportLabels> = {
  en: EN,
  fr: FR,
};

/**
 * The export's language from `?lang=` (en or fr) or else `Accept-Language`: French when
 * the first language asked for is French, English otherwise (the default of the API).
 */
export function exportLanguage(
  lang: unknown,
  acceptLanguage: string | undefined,
): ExportLanguage {
  if (lang !== undefined) {
    if (lang === 'en' || lang === 'fr') return lang;
    throw new InputError('lang must be en or fr');
  }
  const first = (acceptLanguage ?? '').split(',')[0]?.trim() ?? '';
  return /^fr\b/i.test(first) ? 'fr' : 'en';
}
