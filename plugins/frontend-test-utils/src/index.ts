/**
 * Test helpers shared by Diehard's frontend plugins.
 *
 * @packageDocumentation
 */
export { todoWebEntity } from './entities';
export { inFrench } from './inFrench';
export { renderInLegacyApp } from './renderInLegacyApp';
export { renderOnEntityPage } from './renderOnEntityPage';
