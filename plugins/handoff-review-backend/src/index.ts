/**
 * Dev/Ops handoff reviews backend plugin.
 *
 * @packageDocumentation
 */
export { handoffReviewPlugin as default } from './plugin';
