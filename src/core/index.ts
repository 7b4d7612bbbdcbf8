// pagewise core: DRF's three pagination styles as pure logic. Imports nothing of graphql, an ORM or HTTP.
// What users call and the types they name; what sources and adapters share is in ./internal.

export { cursorPagination } from './cursor-options';
export type { CursorMode, CursorOptions, CursorPagination } from './cursor-options';
export { limitOffsetPagination } from './limit-offset';
export type { LimitOffsetOptions, LimitOffsetPagination } from './limit-offset';
export { pageNumberPagination } from './page-number';
export type { PageNumberOptions, PageNumberPagination } from './page-number';
export type { Pagination } from './pagination';
export { paginate, paginateCursor, paginateLimitOffset, paginatePageNumber, paginateRelay } from './paginate';
export type { PaginateOptions, WholeList } from './paginate';
export { planPage } from './plan';
export type { PagePlan } from './plan';
export { runPlan } from './run-plan';
export { assemblePage } from './assemble-page';
export { requestFromArgs, requestFromQuery } from './request';
export type { PageRequest } from './request';
export { boundaryLinksOf, htmlContextOf, linksOf } from './links';
export type { BoundaryLinks, HtmlContext, Links } from './links';
export type { CursorPage, NumberedPage, OffsetPage, Page } from './page';
export type { PageSource, SeekBound, SeekRequest, SeekResult } from './page-source';
export { batchLoader, keyedPageSource } from './batch-source';
export type { BatchPageSource, KeyedSeek, KeyedSlice } from './batch-source';
export { DEFAULT_MAX_PAGE_SIZE } from './sizes';
export { isPaginationError, PaginationConfigError, PaginationError } from './errors';
export type { PaginationConfigErrorCode, PaginationErrorCode } from './errors';
export { hmacSigner } from './signer';
export type { CursorSigner, HmacSignerOptions } from './signer';
export { parseOrdering } from './ordering';
export type { OrderingField } from './ordering';
export type { FieldType, KeyValue, NullOrder } from './values';
export { connectionFromArray, connectionFromArraySlice } from './relay-array';
