import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3'; // or drizzle-orm/node-postgres, drizzle-orm/mysql2
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cursorPagination, paginateRelay } from 'pagewise';
import { drizzleSource } from 'pagewise/drizzle';

export const articles = sqliteTable('article', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
  created: integer('created', { mode: 'timestamp_ms' }).notNull(),
  published: integer('published', { mode: 'boolean' }).notNull(),
});
export const db = drizzle(new Database(process.env.DATABASE_FILE ?? ':memory:'));

export function articleSource(query: { ordering?: string }) {
  // A table, or any select of it: its where (and joins) apply to pages and counts alike.
  return drizzleSource(db, db.select().from(articles).where(eq(articles.published, true)), {
    ordering: '-created', // page-number and limit-offset order (primary key appended)
    orderingFields: ['created', 'title'],
    requestedOrdering: query.ordering, // ?ordering=-created,title or a GraphQL argument
  });
}

const pagination = cursorPagination({ pageSize: 20, ordering: '-created' });
export const firstArticles = () => paginateRelay(articleSource({}), pagination, { first: 2 });
