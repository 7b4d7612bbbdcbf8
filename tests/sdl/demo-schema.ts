// The schema-first demo schema as a server builds it: pagewise's SDL, tests/sdl/demo.graphql, resolvers that return
// arrays or PageSources, and the @paginate transformer over all of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { arraySource } from 'pagewise/array';
import { paginateDirective, type PaginateDirectiveOptions } from 'pagewise/sdl';

/** tests/sdl/demo.graphql (tests may read files; the library's own SDL is a string constant). */
export const demoTypeDefs = readFileSync(join(__dirname, 'demo.graphql'), 'utf8');

/** The directive as the demo wires it: arrays page through the array source, ties broken by id. */
export function demoDirective(options: PaginateDirectiveOptions = {}) {
  return paginateDirective({ arraySource: (rows) => arraySource(rows, { uniqueKey: 'id' }), ...options });
}

/** The transformed demo schema with `resolvers` (none: the shape only, as codegen reads it). */
export function buildDemoSchema(resolvers: IResolvers | IResolvers[] = [], options: PaginateDirectiveOptions = {}): GraphQLSchema {
  const directive = demoDirective(options);
  return directive.transformer(makeExecutableSchema({ typeDefs: [directive.typeDefs, demoTypeDefs], resolvers }));
}
