// pagewise/graphql: Relay connections and offset lists for graphql-js, in all three DRF styles.

export { cursorArgs, limitOffsetArgs, orderingEnumType, pageNumberArgs, paginationArgs } from './args';
export type { GraphQLPagination, PaginationArgsOptions, RelayDirections } from './args';
export { formatPaginationError, toGraphQLError, withGraphQLErrors } from './errors';
export { arrayConnectionField, connectionField, offsetLimitListField, offsetListField, paginationComplexity } from './fields';
export type { ArrayConnectionFieldConfig, ComplexityEstimatorArgs, PaginatedFieldConfig } from './fields';
export { PageNumberScalar } from './page-number-scalar';
export { assertPaginationArgs, DEFAULT_MAX_PAGE_SIZE, paginateArgs, requestedPageSize } from './paginate';
export type { PaginateOptions, PaginationArgValues } from './paginate';
export { resolveArrayConnection } from './relay-compat';
export { resolveConnection, resolveOffsetList } from './resolve';
export { selectedFields, selectsCount } from './selection';
export type { SelectionInfo } from './selection';
export { connectionOf, edgeFor, offsetListOf, pageInfoOf } from './shapes';
export type { ConnectionValue, EdgeForOptions, EdgeValue, OffsetListValue, PageInfoValue } from './shapes';
export { connectionType, edgeType, offsetListType, pageInfoType, pageLinkType } from './types';
export type { NodeType, PaginationTypeOptions } from './types';
export { batchedConnectionField, batchedOffsetListField, requestBatches } from './batched-fields';
export type { BatchedFieldConfig, BatchFunction, RequestBatchesOptions } from './batched-fields';
export { fromGlobalId, intId, toGlobalId } from './global-id';
export type { ResolvedGlobalId } from './global-id';
export { nodeDefinitions } from './node';
export type { NodeDefinitions, NodeDefinitionsOptions } from './node';
export { DEFAULT_MAX_NODE_IDS, nodeLookup } from './node-lookup';
export type { NodeLoader, NodeLoaders, NodeLookup, NodeLookupOptions } from './node-lookup';
export { costLimit, QUERY_TOO_COSTLY, type CostLimitOptions } from './cost-limit';
