import SecurityIcon from '@material-ui/icons/Security';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { HA_POSTURE_SEARCH_TYPE } from '@diehard/plugin-ha-posture-common';

/**
 * `search-filter-result-type:ha-posture/ha-posture`: "HA posture" among the search page's
 * result types. Its name is a plain string in Backstage's blueprint: it reads the same
 * in every language (see the README).
 */
export const haPostureSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: HA_POSTURE_SEARCH_TYPE,
  params: {
    value: HA_POSTURE_SEARCH_TYPE,
    name: 'HA posture',
    icon: <SecurityIcon />,
  },
});

/** `search-result-list-item:ha-posture/ha-posture`: how a posture shows in the results. */
export const haPostureSearchResultListItem = SearchResultListItemBlueprint.make(
  {
    name: HA_POSTURE_SEARCH_TYPE,
    params: {
      icon: <SecurityIcon />,
      predicate: result => result.type === HA_POSTURE_SEARCH_TYPE,
      component: () =>
        import('./HaPostureSearchResultListItem').then(
          m => m.HaPostureSearchResultListItem,
        ),
    },
  },
);
