// pagewise/drizzle: PageSources that push every pagination style into SQL through Drizzle ORM.

export { drizzleSource } from './drizzle-source';
export type { DrizzleQuery, DrizzleRow } from './drizzle-rows';
export type { DrizzleDatabase } from './drizzle-database';
export type { DrizzleSourceOptions } from './source-options';
export { drizzleBatchSource } from './batch-source';
export type { DrizzleBatchSourceOptions } from './batch-source';
export type { BatchStrategy, ParentKey } from '../sql/batch-source';
