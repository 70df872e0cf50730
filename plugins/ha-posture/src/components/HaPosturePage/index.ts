export { HaPosturePage } from './HaPosturePage';
