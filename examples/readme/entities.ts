// The entities the README's snippets page: authors write articles. EntitySchema (not decorators), so
// the snippets need no emitted decorator metadata. Not the demo's entities: the README stands alone.
import { EntitySchema } from '@mikro-orm/core';

/** Someone who writes articles. */
export interface Author {
  id: number;
  name: string;
}

/** An article; `created` repeats, so a cursor ordering needs the primary key as tiebreaker. */
export interface Article {
  id: number;
  title: string;
  created: Date;
  published: boolean;
  author: Author;
}

/** The `author` table. */
export const AuthorEntity = new EntitySchema<Author>({
  name: 'Author',
  properties: {
    id: { type: 'integer', primary: true },
    name: { type: 'string' },
  },
});

/** The `article` table, with a many-to-one `author`. */
export const ArticleEntity = new EntitySchema<Article>({
  name: 'Article',
  properties: {
    id: { type: 'integer', primary: true },
    title: { type: 'string' },
    created: { type: 'datetime' },
    published: { type: 'boolean' },
    author: { kind: 'm:1', entity: () => AuthorEntity },
  },
});
