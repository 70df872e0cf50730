export { diehardTargetsApiRef } from './DiehardTargetsApi';
