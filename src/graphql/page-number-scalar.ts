import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { descriptions } from './descriptions';

function coerce(value: unknown): number | string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new GraphQLError(`PageNumber cannot represent ${JSON.stringify(value)}: pass an integer or a string such as "last"`, {
    extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_PAGE', argumentName: 'page' },
  });
}

/** `PageNumber`: an Int, or a String naming the last page (DRF's `last_page_strings`). */
export const PageNumberScalar = new GraphQLScalarType<number | string, number | string>({
  name: 'PageNumber',
  description: descriptions.pageNumber,
  serialize: coerce,
  parseValue: coerce,
  parseLiteral(node: ValueNode) {
    if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
    if (node.kind === Kind.STRING) return node.value;
    throw new GraphQLError('PageNumber must be an integer or a string such as "last"', {
      nodes: node,
      extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_PAGE', argumentName: 'page' },
    });
  },
});
