/**
 * Types and permissions of Dev/Ops handoff reviews, shared by the backend that
 * keeps them and the frontend that shows them.
 *
 * @packageDocumentation
 */
export type * from './types';
export * from './permissions';
export { DEFAULT_ITEM_TITLES, DEFAULT_ITEM_TITLES_FR } from './checklistTitles';
export type { DefaultItemTitleKey } from './checklistTitles';
export { isSideMember, sideGroup } from './sides';
export { changeRefusalSchema } from './refusals';
export type { ChangeRefusal } from './refusals';
export { findingLines } from './findingLines';
export { summarizeReviews } from './reviewSummary';
export type { ReviewSummary } from './reviewSummary';
export type { EntityReviewState } from './reviewState';
export { DEFAULT_OPS_GROUP, opsGroupsFromConfig } from './opsGroups';
export { HandoffReviewClient } from './client/HandoffReviewClient';
export type {
  HandoffReviewApi,
  HandoffReviewDiscovery,
  HandoffReviewFetch,
} from './client/HandoffReviewClient';
