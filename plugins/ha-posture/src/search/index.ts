export {
  HA_POSTURE_SEARCH_TYPE,
  haPostureSearchResultListItem,
  haPostureSearchResultType,
} from './extensions';
