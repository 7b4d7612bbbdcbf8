import { Field, Int, ObjectType } from 'type-graphql';
import { descriptions } from '../graphql/descriptions';

/** `PageLink` as a type-graphql class: the same SDL as pagewise/graphql's `pageLinkType`. */
@ObjectType('PageLink', { description: descriptions.pageLink })
export class PageLink {
  @Field(() => Int, { nullable: true, description: descriptions.linkNumber })
  number!: number | null;

  @Field(() => Boolean, { description: descriptions.linkIsActive })
  isActive!: boolean;

  @Field(() => Boolean, { description: descriptions.linkIsBreak })
  isBreak!: boolean;

  @Field(() => Int, { nullable: true, description: descriptions.linkPage })
  page!: number | null;

  @Field(() => Int, { nullable: true, description: descriptions.linkOffset })
  offset!: number | null;

  @Field(() => String, { nullable: true, description: descriptions.linkCursor })
  cursor!: string | null;
}

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

  @Field(() => Boolean, { nullable: true, description: descriptions.totalCountCapped })
  totalCountCapped!: Promise<boolean> | boolean | null;

  @Field(() => Boolean, { nullable: true, description: descriptions.totalCountEstimated })
  totalCountEstimated!: Promise<boolean> | boolean | null;

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

  @Field(() => [PageLink], { nullable: true, description: descriptions.pageLinks })
  pageLinks!: Promise<readonly PageLink[] | null> | readonly PageLink[] | null;
}
