import { ArgsType, Field, Int, type ValidatorFn } from 'type-graphql';
import { isPaginationError } from '../core/internal';
import { assertPaginationArgs, PageNumberScalar, toGraphQLError, type GraphQLPagination, type PaginationArgValues } from '../graphql';
import { descriptions } from '../graphql/descriptions';

/** Relay's arguments, both directions: `first`, `after`, `last`, `before`. */
@ArgsType()
export class CursorArgs {
  @Field(() => Int, { nullable: true, description: descriptions.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.after })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: descriptions.last })
  last?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.before })
  before?: string | null;
}

/** Relay's forward arguments: `first`, `after`. */
@ArgsType()
export class ForwardCursorArgs {
  @Field(() => Int, { nullable: true, description: descriptions.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.after })
  after?: string | null;
}

/** Relay's backward arguments: `last`, `before`. */
@ArgsType()
export class BackwardCursorArgs {
  @Field(() => Int, { nullable: true, description: descriptions.last })
  last?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.before })
  before?: string | null;
}

/** Page-number arguments: `page` (Int or a last-page string), `pageSize`, and Relay's four over row cursors. */
@ArgsType()
export class PageNumberArgs {
  @Field(() => PageNumberScalar, { nullable: true, description: descriptions.pageArg })
  page?: number | string | null;

  @Field(() => Int, { nullable: true, description: descriptions.pageSizeArg })
  pageSize?: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.afterOffsetArg })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: descriptions.last })
  last?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.beforeOffsetArg })
  before?: string | null;
}

/** Limit-offset arguments: `limit`, `offset`, and Relay's four over row cursors. */
@ArgsType()
export class LimitOffsetArgs {
  @Field(() => Int, { nullable: true, description: descriptions.limitArg })
  limit?: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.offsetArg })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.afterOffsetArg })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: descriptions.last })
  last?: number | null;

  @Field(() => String, { nullable: true, description: descriptions.beforeOffsetArg })
  before?: string | null;
}

const styles = new Map<unknown, GraphQLPagination['style']>([
  [CursorArgs, 'cursor'],
  [ForwardCursorArgs, 'cursor'],
  [BackwardCursorArgs, 'cursor'],
  [PageNumberArgs, 'page-number'],
  [LimitOffsetArgs, 'limit-offset'],
]);

function styleOf(argType: unknown): GraphQLPagination['style'] | undefined {
  for (let type = argType; typeof type === 'function'; type = Object.getPrototypeOf(type)) {
    const style = styles.get(type);
    if (style) return style;
  }
  return undefined;
}

/**
 * A type-graphql `validateFn` for the args classes (and classes extending them): the checks that need
 * no configuration, as coded GraphQLErrors. Other arguments pass untouched.
 */
export const validatePaginationArgs: ValidatorFn = (argValue, argType) => {
  const style = styleOf(argType);
  if (style === undefined || argValue === null || typeof argValue !== 'object') return;
  try {
    assertPaginationArgs(style, argValue as PaginationArgValues);
  } catch (error) {
    throw isPaginationError(error) ? toGraphQLError(error) : error;
  }
};
