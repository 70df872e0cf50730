/**
 * Test helpers shared by Diehard's frontend plugins.
 *
 * @packageDocumentation
 */
export { inFrench } from './inFrench';
