import { Field, Int, ObjectType } from 'type-graphql';
import { descriptions } from '../graphql/descriptions';

/** `PageInfo` as a type-graphql class: the same SDL as pagewise/graphql's `pageInfoType`. */
@ObjectType('PageInfo', { description: descriptions.pageInfo })
export class PageInfo {
  @Field(() => Boolean, { description: descriptions.hasNextPage })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: descriptions.hasPreviousPage })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: descriptions.startCursor })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: descriptions.endCursor })
  endCursor!: string | null;

  @Field(() => Int, { nullable: true, description: descriptions.totalCount })
  totalCount!: Promise<number> | number | null;

  @Field(() => Int, { nullable: true, description: descriptions.page })
  page!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.pageSize })
  pageSize!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.totalPages })
  totalPages!: Promise<number | null> | number | null;

  @Field(() => Int, { nullable: true, description: descriptions.nextPage })
  nextPage!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.previousPage })
  previousPage!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.offset })
  offset!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.limit })
  limit!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.nextOffset })
  nextOffset!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.previousOffset })
  previousOffset!: number | null;
}
