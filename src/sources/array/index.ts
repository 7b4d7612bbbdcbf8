export { arraySource, forgetArraySource } from './array-source';
export type { ArraySourceOptions } from './array-source';
export { arrayBatchSource } from './array-batch-source';
export type { ArrayBatchSourceOptions } from './array-batch-source';
