export { EntityHaPostureCard } from './EntityHaPostureCard';
