// What sources and adapters share of core, beyond the public barrel: helpers users never call
// (Python ints, query strings, URLs, base64, cursor codecs, batching internals). Not a package entry.

export * from './assemble-page';
export * from './base64';
export * from './batch-source';
export * from './count-strategy';
export * from './cursor-codec';
export * from './cursor-options';
export * from './errors';
export * from './limit-offset';
export * from './links';
export * from './offset-cursor';
export * from './ordering';
export * from './page';
export * from './page-counter';
export * from './page-links';
export * from './page-math';
export * from './page-number';
export * from './page-positions';
export * from './page-source';
export * from './paginate';
export * from './pagination';
export * from './plan';
export * from './python-int';
export * from './query-string';
export * from './relay-array';
export * from './request';
export * from './row-cursor';
export * from './run-plan';
export * from './schema';
export * from './seek-page';
export * from './seek-plan';
export * from './signer';
export * from './sizes';
export * from './url';
export * from './values';
