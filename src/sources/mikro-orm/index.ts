// pagewise/mikro-orm: PageSources that push every pagination style into SQL through MikroORM.

export { mikroOrmSource, queryBuilderSource } from './mikro-orm-source';
export type { MikroOrmSourceOptions, SqlSourceOptions } from './source-options';
export { connectTimeouts } from './connect-timeouts';
export type { ConnectTimeoutOptions } from './connect-timeouts';
export { mikroOrmBatchSource } from './batch-source';
export type { BatchStrategy, MikroOrmBatchSourceOptions, ParentKey } from './batch-source';
