// pagewise/type-graphql: class factories and args classes for type-graphql, printing the same SDL as
// pagewise/graphql. Resolve with pagewise/graphql's `resolveConnection` and `resolveOffsetList`.

export { BackwardCursorArgs, CursorArgs, ForwardCursorArgs, LimitOffsetArgs, PageNumberArgs, validatePaginationArgs } from './args';
export { PageInfo } from './page-info';
export { ConnectionType, EdgeType, PageType } from './types';
export type { NodeClass, NodeTypeOptions } from './types';
export { Node, NodeResolver } from './node';
export type { NodeResolverClass } from './node';
