// pagewise/sdl: the @paginate directive for schema-first servers (SDL plus a graphql-tools transformer).

export { paginateDirective } from './paginate-directive';
export type { PaginateDirective, PaginateDirectiveOptions } from './paginate-directive';
export type { PaginateDefaults } from './field-plan';
export { isPageSource } from './to-page-source';
export type { ArraySourceFactory, PaginatedFieldContext, PaginatedRows, ToSource } from './to-page-source';
export { paginateDirectiveTypeDefs, paginateTypeDefs } from './type-defs';
export { nodeResolvers, nodeTypeDefs } from './node';
export type { NodeResolvers, NodeResolversOptions } from './node';
