// pagewise/kysely: PageSources that push every pagination style into SQL through a Kysely query.

export { kyselySource } from './kysely-source';
export { kyselyBatchSource } from './batch-source';
export type { BatchStrategy, KyselyBatchSourceOptions, ParentKey } from './batch-source';
export type { KyselySourceOptions } from './rows';
export { kyselyFields } from './fields';
export type { KyselyField, KyselyFields, KyselyFieldType } from './fields';
