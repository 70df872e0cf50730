import { TranslateKey } from '../readyTranslation';

/** Names listed under a field or in a refusal: a cluster or namespace may hold many. */
const LISTED_AT_MOST = 10;

/** `a, b (3 nodes), c, 15 more`: the first few of what the user may choose from, then how many more. */
export function listed(names: string[], t: TranslateKey) {
  const shown = names.slice(0, LISTED_AT_MOST);
  if (names.length > LISTED_AT_MOST)
    shown.push(t('more', { count: names.length - LISTED_AT_MOST }));
  return shown.join(', ');
}
