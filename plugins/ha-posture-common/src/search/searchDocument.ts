/**
 * The search document type of HA postures.
 *
 * @public
 */
export const HA_POSTURE_SEARCH_TYPE = 'ha-posture';

/**
 * What an HA posture search document holds besides its title, text and location: written
 * by `@diehard/plugin-search-backend-module-ha-posture`, shown by the frontend plugin's
 * search result item.
 *
 * @public
 */
export interface HaPostureSearchFields {
  /** The entity whose posture this is. */
  entityRef: string;
  /** The entity's title, else its name: what a result item names the service by. */
  entityTitle: string;
  /** The entity's kind, lower-cased. */
  kind: string;
  /** The entity's namespace. */
  namespace: string;
  /** The entity's name. */
  name: string;
  /** The owner's entity ref; empty when the entity has none. */
  owner: string;
  /** The posture's grade, A to F. */
  grade: string;
  /** The rule ids of the findings (also in `text`, for engines that only search title and text). */
  rules: string[];
  /** The categories of the findings (also in `text`). */
  categories: string[];
  /** Each finding's message and each single point of failure, one line each, in English. */
  linesEn: string[];
  /** The same lines in French, in the same order (the English line where there is no French). */
  linesFr: string[];
  /**
   * What the pods rely on (their Ingresses, databases and volume claims) as
   * `Kind name (namespace)`; `text` holds them as one line, joined by `, `.
   */
  around: string[];
}
