import type { Kysely } from 'kysely';
import { kyselySource } from 'pagewise/kysely';

export interface Database {
  article: { id: number; title: string; created: Date; status: 'draft' | 'published' };
}

export function articleSource(db: Kysely<Database>, query: { ordering?: string }) {
  return kyselySource(db.selectFrom('article').selectAll().where('status', '=', 'published'), {
    db, // PostgresDialect, MysqlDialect or SqliteDialect: told from how it compiles
    fields: { id: 'integer', title: 'text', created: 'datetime' }, // or: await kyselyFields(db, 'article')
    ordering: '-created', // page-number and limit-offset order (the unique key `id` appended)
    orderingFields: ['created', 'title'],
    requestedOrdering: query.ordering, // ?ordering=-created,title or a GraphQL argument
  });
}
