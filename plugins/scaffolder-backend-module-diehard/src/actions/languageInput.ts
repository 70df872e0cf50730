import type { z as zod } from 'zod/v3';

/**
 * The `language` input of the actions that speak the user's language (their log and
 * their error): what the form's DiehardUserLanguage field gives.
 */
export const languageInput = (z: typeof zod) =>
  z
    .string()
    .max(35)
    .optional()
    .describe(
      "Language of the log and the error: fr (fr-CA…) for French, anything else English (the DiehardUserLanguage field gives the user's)",
    );
