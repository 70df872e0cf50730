/**
 * Test helpers shared by Diehard's frontend plugins.
 *
 * @packageDocumentation
 */
export { todoWebEntity } from './entities';
export { inFrench } from './inFrench';
export { renderOnEntityPage } from './renderOnEntityPage';
