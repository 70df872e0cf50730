export { diehardTargetsApiRef } from './DiehardTargetsApi';
export type { DiehardTarget, DiehardTargetsApi } from './DiehardTargetsApi';
export { DiehardTargetsClient } from './DiehardTargetsClient';
