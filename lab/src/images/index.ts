export { ensurePlatformImages } from './ensurePlatformImages';
export type { PlatformImage } from './ensurePlatformImages';
export { PLATFORM_IMAGES } from './platformImages';
export type { DebianImageSpec } from './debianImage';
