export {
  EntityHaPostureCard,
  EntityHaPostureContent,
  HaPosturePage,
  HaPostureSearchResultListItem,
  haPostureLegacyPlugin,
} from './plugin';
