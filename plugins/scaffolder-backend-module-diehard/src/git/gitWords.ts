import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';

/**
 * What `diehard:git:check-push` and `diehard:git:push` both say to the template's user,
 * in each language the portal speaks: the check says it before anything is built, the
 * push (in a run without the check, or when the branch appeared since) at the end, in
 * the same words.
 */
export const GIT_WORDS = {
  en: {
    taken: (url: string, branch: string, commit: string) =>
      `${url} already has a branch "${branch}" (commit ${commit}): choose another name, or delete that repository first`,
  },
  fr: {
    taken: (url: string, branch: string, commit: string) =>
      `${url} a déjà une branche « ${branch} » (commit ${commit}) : choisissez un autre nom, ou supprimez d'abord ce dépôt`,
  },
} satisfies Record<MessageLanguage, unknown>;
