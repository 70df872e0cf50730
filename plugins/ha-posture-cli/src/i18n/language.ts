import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common/engine';

/** The languages the table and SARIF text are written in. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = MessageLanguage;

/**
 * The language of the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG
 * (`fr_FR.UTF-8` → fr). English for anything else, C and POSIX included.
 */
export function languageFromEnv(
  env: Record<string, string | undefined>,
): Language {
  return messageLanguage(
    [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(v => !!v),
  );
}

/** The table's own words. */
export const TABLE_WORDS: Record<
  Language,
  {
    /** The labels with their separator ("fix: ", "correctif : "). */
    evidence: string;
    fix: string;
    score: string;
    noWorkloads: string;
    cluster: (nodes: number, findings: boolean) => string;
    service: (name: string, grade: string, score: number) => string;
  }
> = {
  en: {
    evidence: 'evidence: ',
    fix: 'fix: ',
    score: 'score',
    noWorkloads: 'No workloads found.',
    cluster: (n, f) =>
      `Cluster: ${n} node(s)${f ? '' : ', no control-plane finding'}`,
    service: (name, grade, score) =>
      `Service ${name}: grade ${grade} (score ${score})`,
  },
  fr: {
    evidence: 'preuve : ',
    fix: 'correctif : ',
    score: 'score',
    noWorkloads: 'Aucun workload trouvé.',
    cluster: (n, f) =>
      `Cluster : ${n} nœud(s)${
        f ? '' : ', aucun constat sur le plan de contrôle'
      }`,
    service: (name, grade, score) =>
      `Service ${name} : note ${grade} (score ${score})`,
  },
};

/** SARIF's own words around a finding. */
export const SARIF_WORDS: Record<Language, { fix: string }> = {
  en: { fix: 'Fix: ' },
  fr: { fix: 'Correctif : ' },
};
