import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuthorRow, ArticleRow, CommentRow, DemoContext } from '../demo-data';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** A 1-based page number, or a string naming the last page (such as "last"). */
  PageNumber: { input: number | string; output: number | string };
};

/** An article; several articles share a createdAt. */
export type Article = {
  __typename?: 'Article';
  author: Author;
  body: Scalars['String']['output'];
  /** The article's comments, oldest first (limit-offset style, offset list). */
  comments: CommentPage;
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  title: Scalars['String']['output'];
};

/** An article; several articles share a createdAt. */
export type ArticleCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Article rows as a Relay connection. */
export type ArticleConnection = {
  __typename?: 'ArticleConnection';
  /** The rows of the page with their cursors. */
  edges: Array<ArticleEdge>;
  /** The rows of the page. */
  nodes: Array<Article>;
  /** Where a page sits in its list: Relay fields, the count, and the positions of the page-number and limit-offset styles. */
  pageInfo: PageInfo;
  /** The number of rows in the whole list (runs a count only when selected). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A Article row and its cursor. */
export type ArticleEdge = {
  __typename?: 'ArticleEdge';
  /** The position of this row: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The row. */
  node: Article;
};

/** Which articles to list. */
export type ArticleFilter = {
  /** Only articles by this author. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only articles whose title contains this text (case-insensitive). */
  titleContains?: InputMaybe<Scalars['String']['input']>;
};

/** A page of Article rows as an offset list (Django REST framework's body). */
export type ArticlePage = {
  __typename?: 'ArticlePage';
  /** The number of rows in the whole list (runs a count only when selected). */
  count?: Maybe<Scalars['Int']['output']>;
  /** What continues to the next page: the cursor (cursor style), page number or offset; null on the last page. */
  next?: Maybe<Scalars['String']['output']>;
  /** Where a page sits in its list: Relay fields, the count, and the positions of the page-number and limit-offset styles. */
  pageInfo: PageInfo;
  /** What goes back to the previous page: the cursor (cursor style), page number or offset; null on the first page. */
  previous?: Maybe<Scalars['String']['output']>;
  /** The rows of the page. */
  results: Array<Article>;
};

/** Someone who writes articles and comments. */
export type Author = {
  __typename?: 'Author';
  /** The author's articles, newest first (cursor style, Relay connection). */
  articles: ArticleConnection;
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** Someone who writes articles and comments. */
export type AuthorArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Author rows as a Relay connection. */
export type AuthorConnection = {
  __typename?: 'AuthorConnection';
  /** The rows of the page with their cursors. */
  edges: Array<AuthorEdge>;
  /** The rows of the page. */
  nodes: Array<Author>;
  /** Where a page sits in its list: Relay fields, the count, and the positions of the page-number and limit-offset styles. */
  pageInfo: PageInfo;
  /** The number of rows in the whole list (runs a count only when selected). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A Author row and its cursor. */
export type AuthorEdge = {
  __typename?: 'AuthorEdge';
  /** The position of this row: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The row. */
  node: Author;
};

/** A page of Author rows as an offset list (Django REST framework's body). */
export type AuthorPage = {
  __typename?: 'AuthorPage';
  /** The number of rows in the whole list (runs a count only when selected). */
  count?: Maybe<Scalars['Int']['output']>;
  /** What continues to the next page: the cursor (cursor style), page number or offset; null on the last page. */
  next?: Maybe<Scalars['String']['output']>;
  /** Where a page sits in its list: Relay fields, the count, and the positions of the page-number and limit-offset styles. */
  pageInfo: PageInfo;
  /** What goes back to the previous page: the cursor (cursor style), page number or offset; null on the first page. */
  previous?: Maybe<Scalars['String']['output']>;
  /** The rows of the page. */
  results: Array<Author>;
};

/** A comment on an article. */
export type Comment = {
  __typename?: 'Comment';
  article: Article;
  author: Author;
  body: Scalars['String']['output'];
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

/** A page of Comment rows as a Relay connection. */
export type CommentConnection = {
  __typename?: 'CommentConnection';
  /** The rows of the page with their cursors. */
  edges: Array<CommentEdge>;
  /** The rows of the page. */
  nodes: Array<Comment>;
  /** Where a page sits in its list: Relay fields, the count, and the positions of the page-number and limit-offset styles. */
  pageInfo: PageInfo;
  /** The number of rows in the whole list (runs a count only when selected). */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A Comment row and its cursor. */
export type CommentEdge = {
  __typename?: 'CommentEdge';
  /** The position of this row: pass it as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The row. */
  node: Comment;
};

/** A page of Comment rows as an offset list (Django REST framework's body). */
export type CommentPage = {
  __typename?: 'CommentPage';
  /** The number of rows in the whole list (runs a count only when selected). */
  count?: Maybe<Scalars['Int']['output']>;
  /** What continues to the next page: the cursor (cursor style), page number or offset; null on the last page. */
  next?: Maybe<Scalars['String']['output']>;
  /** Where a page sits in its list: Relay fields, the count, and the positions of the page-number and limit-offset styles. */
  pageInfo: PageInfo;
  /** What goes back to the previous page: the cursor (cursor style), page number or offset; null on the first page. */
  previous?: Maybe<Scalars['String']['output']>;
  /** The rows of the page. */
  results: Array<Comment>;
};

/** Where a page sits in its list: Relay fields, the count, and the positions of the page-number and limit-offset styles. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether rows follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether rows precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The limit of this page (limit-offset style). */
  limit?: Maybe<Scalars['Int']['output']>;
  /** The offset of the next page, or null on the last page (limit-offset style). */
  nextOffset?: Maybe<Scalars['Int']['output']>;
  /** The next page number, or null on the last page (page-number style). */
  nextPage?: Maybe<Scalars['Int']['output']>;
  /** The offset of this page (limit-offset style). */
  offset?: Maybe<Scalars['Int']['output']>;
  /** The 1-based page number (page-number style). */
  page?: Maybe<Scalars['Int']['output']>;
  /** The page control: Django REST framework's page numbers with breaks, each with what to pass back (runs a count only when selected; null on a cursor page of unknown number). */
  pageLinks?: Maybe<Array<PageLink>>;
  /** The number of rows per page. */
  pageSize?: Maybe<Scalars['Int']['output']>;
  /** The offset of the previous page, or null on the first page (limit-offset style). */
  previousOffset?: Maybe<Scalars['Int']['output']>;
  /** The previous page number, or null on the first page (page-number style). */
  previousPage?: Maybe<Scalars['Int']['output']>;
  /** The cursor to pass as `before` for the previous page; null on an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
  /** The number of rows in the whole list (runs a count only when selected). */
  totalCount?: Maybe<Scalars['Int']['output']>;
  /** Whether totalCount is a capped count: the list has at least that many rows (runs a count only when selected). */
  totalCountCapped?: Maybe<Scalars['Boolean']['output']>;
  /** Whether totalCount is the database planner's estimate rather than a count (runs a count only when selected). */
  totalCountEstimated?: Maybe<Scalars['Boolean']['output']>;
  /** The number of pages (runs a count only when selected). */
  totalPages?: Maybe<Scalars['Int']['output']>;
};

/** One entry of a page control: a page number, or a break. */
export type PageLink = {
  __typename?: 'PageLink';
  /** The cursor to pass as `after` for this page (page-number and limit-offset; null for the first page). */
  cursor?: Maybe<Scalars['String']['output']>;
  /** Whether this is the current page. */
  isActive: Scalars['Boolean']['output'];
  /** Whether this entry is a break (an ellipsis). */
  isBreak: Scalars['Boolean']['output'];
  /** The page number; null for a break. */
  number?: Maybe<Scalars['Int']['output']>;
  /** The offset to pass as `offset` (limit-offset style). */
  offset?: Maybe<Scalars['Int']['output']>;
  /** The page to pass as `page` (page-number style, and cursor fields that jump). */
  page?: Maybe<Scalars['Int']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** Articles, newest first (cursor style, offset list). */
  articleList: ArticlePage;
  /** Articles, newest first (limit-offset style, Relay connection). */
  articleWindow: ArticleConnection;
  /** Articles, newest first (cursor style, Relay connection). */
  articles: ArticleConnection;
  /** One author. */
  author?: Maybe<Author>;
  /** Authors by name (page-number style, offset list). */
  authorPages: AuthorPage;
  /** Authors by name (page-number style, Relay connection). */
  authors: AuthorConnection;
  /** Comments, oldest first (cursor style, Relay connection). */
  comments: CommentConnection;
};

export type QueryArticleListArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryArticleWindowArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryAuthorArgs = {
  id: Scalars['ID']['input'];
};

export type QueryAuthorPagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  page?: InputMaybe<Scalars['PageNumber']['input']>;
  pageSize?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryAuthorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  page?: InputMaybe<Scalars['PageNumber']['input']>;
  pageSize?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs> | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Article: ResolverTypeWrapper<ArticleRow>;
  ArticleConnection: ResolverTypeWrapper<import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Article']>>;
  ArticleEdge: ResolverTypeWrapper<Omit<ArticleEdge, 'node'> & { node: ResolversTypes['Article'] }>;
  ArticleFilter: ArticleFilter;
  ArticlePage: ResolverTypeWrapper<import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Article']>>;
  Author: ResolverTypeWrapper<AuthorRow>;
  AuthorConnection: ResolverTypeWrapper<import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Author']>>;
  AuthorEdge: ResolverTypeWrapper<Omit<AuthorEdge, 'node'> & { node: ResolversTypes['Author'] }>;
  AuthorPage: ResolverTypeWrapper<import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Author']>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Comment: ResolverTypeWrapper<CommentRow>;
  CommentConnection: ResolverTypeWrapper<import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Comment']>>;
  CommentEdge: ResolverTypeWrapper<Omit<CommentEdge, 'node'> & { node: ResolversTypes['Comment'] }>;
  CommentPage: ResolverTypeWrapper<import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Comment']>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PageLink: ResolverTypeWrapper<PageLink>;
  PageNumber: ResolverTypeWrapper<Scalars['PageNumber']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Article: ArticleRow;
  ArticleConnection: import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Article']>;
  ArticleEdge: Omit<ArticleEdge, 'node'> & { node: ResolversParentTypes['Article'] };
  ArticleFilter: ArticleFilter;
  ArticlePage: import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Article']>;
  Author: AuthorRow;
  AuthorConnection: import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Author']>;
  AuthorEdge: Omit<AuthorEdge, 'node'> & { node: ResolversParentTypes['Author'] };
  AuthorPage: import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Author']>;
  Boolean: Scalars['Boolean']['output'];
  Comment: CommentRow;
  CommentConnection: import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Comment']>;
  CommentEdge: Omit<CommentEdge, 'node'> & { node: ResolversParentTypes['Comment'] };
  CommentPage: import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Comment']>;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  PageInfo: PageInfo;
  PageLink: PageLink;
  PageNumber: Scalars['PageNumber']['output'];
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
};

export type ArticleResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article'],
> = {
  author?: Resolver<ResolversTypes['Author'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  comments?: Resolver<ResolversTypes['CommentPage'], ParentType, ContextType, Partial<ArticleCommentsArgs>>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ArticleConnectionResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['ArticleConnection'] = ResolversParentTypes['ArticleConnection'],
> = {
  edges?: Resolver<Array<ResolversTypes['ArticleEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Article']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ArticleEdgeResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['ArticleEdge'] = ResolversParentTypes['ArticleEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
};

export type ArticlePageResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['ArticlePage'] = ResolversParentTypes['ArticlePage'],
> = {
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  next?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['Article']>, ParentType, ContextType>;
};

export type AuthorResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['Author'] = ResolversParentTypes['Author'],
> = {
  articles?: Resolver<ResolversTypes['ArticleConnection'], ParentType, ContextType, Partial<AuthorArticlesArgs>>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuthorConnectionResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['AuthorConnection'] = ResolversParentTypes['AuthorConnection'],
> = {
  edges?: Resolver<Array<ResolversTypes['AuthorEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Author']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type AuthorEdgeResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['AuthorEdge'] = ResolversParentTypes['AuthorEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Author'], ParentType, ContextType>;
};

export type AuthorPageResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['AuthorPage'] = ResolversParentTypes['AuthorPage'],
> = {
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  next?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['Author']>, ParentType, ContextType>;
};

export type CommentResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['Comment'] = ResolversParentTypes['Comment'],
> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['Author'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CommentConnectionResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['CommentConnection'] = ResolversParentTypes['CommentConnection'],
> = {
  edges?: Resolver<Array<ResolversTypes['CommentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Comment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type CommentEdgeResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['CommentEdge'] = ResolversParentTypes['CommentEdge'],
> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Comment'], ParentType, ContextType>;
};

export type CommentPageResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['CommentPage'] = ResolversParentTypes['CommentPage'],
> = {
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  next?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['Comment']>, ParentType, ContextType>;
};

export type PageInfoResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  limit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextOffset?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextPage?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  offset?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  page?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pageLinks?: Resolver<Maybe<Array<ResolversTypes['PageLink']>>, ParentType, ContextType>;
  pageSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  previousOffset?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  previousPage?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalCountCapped?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  totalCountEstimated?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  totalPages?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type PageLinkResolvers<
  ContextType = DemoContext,
  ParentType extends ResolversParentTypes['PageLink'] = ResolversParentTypes['PageLink'],
> = {
  cursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isBreak?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  offset?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  page?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export interface PageNumberScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['PageNumber'], any> {
  name: 'PageNumber';
}

export type QueryResolvers<ContextType = DemoContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  articleList?: Resolver<ResolversTypes['ArticlePage'], ParentType, ContextType, Partial<QueryArticleListArgs>>;
  articleWindow?: Resolver<ResolversTypes['ArticleConnection'], ParentType, ContextType, Partial<QueryArticleWindowArgs>>;
  articles?: Resolver<ResolversTypes['ArticleConnection'], ParentType, ContextType, Partial<QueryArticlesArgs>>;
  author?: Resolver<Maybe<ResolversTypes['Author']>, ParentType, ContextType, RequireFields<QueryAuthorArgs, 'id'>>;
  authorPages?: Resolver<ResolversTypes['AuthorPage'], ParentType, ContextType, Partial<QueryAuthorPagesArgs>>;
  authors?: Resolver<ResolversTypes['AuthorConnection'], ParentType, ContextType, Partial<QueryAuthorsArgs>>;
  comments?: Resolver<ResolversTypes['CommentConnection'], ParentType, ContextType, Partial<QueryCommentsArgs>>;
};

export type Resolvers<ContextType = DemoContext> = {
  Article?: ArticleResolvers<ContextType>;
  ArticleConnection?: ArticleConnectionResolvers<ContextType>;
  ArticleEdge?: ArticleEdgeResolvers<ContextType>;
  ArticlePage?: ArticlePageResolvers<ContextType>;
  Author?: AuthorResolvers<ContextType>;
  AuthorConnection?: AuthorConnectionResolvers<ContextType>;
  AuthorEdge?: AuthorEdgeResolvers<ContextType>;
  AuthorPage?: AuthorPageResolvers<ContextType>;
  Comment?: CommentResolvers<ContextType>;
  CommentConnection?: CommentConnectionResolvers<ContextType>;
  CommentEdge?: CommentEdgeResolvers<ContextType>;
  CommentPage?: CommentPageResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PageLink?: PageLinkResolvers<ContextType>;
  PageNumber?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
};
