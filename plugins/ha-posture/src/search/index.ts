export {
  haPostureSearchResultListItem,
  haPostureSearchResultType,
} from './extensions';
