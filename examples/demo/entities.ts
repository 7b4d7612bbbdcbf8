// The demo's data: authors write articles, readers comment on them. EntitySchema (not decorators) so
// the demo runs under tsx without emitted decorator metadata.
import { EntitySchema } from '@mikro-orm/core';

/** An author of articles. */
export interface Author {
  id: number;
  name: string;
  createdAt: Date;
}

/** An article; `createdAt` repeats (several articles a minute), so orderings need a tiebreaker. */
export interface Article {
  id: number;
  title: string;
  createdAt: Date;
  views: number;
  author: Author;
}

/** A comment on an article. */
export interface Comment {
  id: number;
  body: string;
  createdAt: Date;
  article: Article;
}

export const AuthorSchema = new EntitySchema<Author>({
  name: 'Author',
  tableName: 'author',
  properties: {
    id: { type: 'integer', primary: true },
    name: { type: 'string' },
    createdAt: { type: 'datetime' },
  },
});

export const ArticleSchema = new EntitySchema<Article>({
  name: 'Article',
  tableName: 'article',
  indexes: [{ properties: ['createdAt', 'id'] }, { properties: ['author', 'createdAt', 'id'] }, { properties: ['views', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true },
    title: { type: 'string' },
    createdAt: { type: 'datetime' },
    views: { type: 'integer' },
    author: { kind: 'm:1', entity: () => AuthorSchema },
  },
});

export const CommentSchema = new EntitySchema<Comment>({
  name: 'Comment',
  tableName: 'comment',
  indexes: [{ properties: ['article', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true },
    body: { type: 'string' },
    createdAt: { type: 'datetime' },
    article: { kind: 'm:1', entity: () => ArticleSchema },
  },
});

/** Every entity of the demo. */
export const entities = [AuthorSchema, ArticleSchema, CommentSchema];
