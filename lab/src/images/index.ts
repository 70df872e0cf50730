export { ensurePlatformImages } from './ensurePlatformImages';
export type { PlatformImage } from './ensurePlatformImages';
export { PLATFORM_IMAGES } from './platformImages';
export { buildDebianImage } from './debianImage';
export type { BuiltImage, DebianImageSpec } from './debianImage';
export { clientFor as labRegistryClient } from './pushLayout';
