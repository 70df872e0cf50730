/**
 * Dev/Ops handoff reviews backend plugin.
 *
 * @packageDocumentation
 */
export { handoffReviewPlugin as default } from './plugin';
export * from './permissions';
export type * from './review/types';
