export { arraySource } from './array-source';
export type { ArraySourceOptions } from './array-source';
