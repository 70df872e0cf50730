export { EntityHaPostureContent } from './EntityHaPostureContent';
