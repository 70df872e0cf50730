export { HaPosturePage } from './HaPosturePage';
export { HaPosturePageLayout } from './HaPosturePageLayout';
