// pagewise/rest: DRF's wire format for REST servers, framework-agnostic, with glue for node:http,
// Express 5 and Fastify 5. Imports core only.

export { limitOffsetPaginationWithFormat, standardPageNumberPagination } from './drf-commons';
export type { DrfCommonsPreset } from './drf-commons';
export { detailResponse, errorResponse } from './error-response';
export type { RestErrorHook, RestResponse } from './error-response';
export { expressHandler } from './express';
export { fastifyHandler, fastifyPagination } from './fastify';
export type { FastifyInstanceLike, FastifyReplyLike, FastifyRequestLike } from './fastify';
export { escapeHtml, renderPaginationControls } from './html-controls';
export type { HtmlControlsOptions } from './html-controls';
export { renderJson } from './json';
export { linkHeader } from './link-header';
export type { LinkTargets } from './link-header';
export { nodeHandler, restRequestOf, sendRestResponse } from './node-http';
export type { NodeRequestLike } from './node-http';
export { restQueryParameters, restResponseSchema } from './openapi';
export { railsPageUrl, rubyToInteger } from './rails';
export { absoluteUrl } from './request-url';
export type { RestRequest, UrlOptions } from './request-url';
export type { RestBody, RestBodyPage } from './rest-body';
export { checkRestOptions } from './rest-options';
export type { RestOptions, RestPagination, RestRenderOptions, RestShape, RestSource } from './rest-options';
export { paginateRequest } from './rest-page';
export type { PaginatedRestPage, RestPage, UnpaginatedRestPage } from './rest-page';
export { renderRestPage, restResponse, resultsKeyOf } from './rest-response';
export { restEmbed } from './rest-embed';
export type { RestEmbed, RestEmbedOptions } from './rest-embed';
