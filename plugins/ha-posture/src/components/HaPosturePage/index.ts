export { HaPosturePage } from './HaPosturePage';
export { HaPosturePageLayout } from './HaPosturePageLayout';
export { LegacyHaPosturePage } from './LegacyHaPosturePage';
