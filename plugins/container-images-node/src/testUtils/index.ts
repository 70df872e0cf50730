/**
 * What tests of images and registries share: an image of random layers, a
 * repository name no other test uses, a self-signed certificate for a TLS server.
 *
 * @packageDocumentation
 */
export { writeRandomImage } from './writeRandomImage';
export { uniqueRepository } from './uniqueRepository';
export { selfSignedCert } from './selfSignedCert';
export type { CertFiles } from './selfSignedCert';
