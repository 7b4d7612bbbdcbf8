import { MikroORM } from '@mikro-orm/postgresql';
import { mikroOrmSource, connectTimeouts } from 'pagewise/mikro-orm';
import { ArticleEntity, AuthorEntity } from './entities';

export const connect = () =>
  MikroORM.init({ clientUrl: process.env.DATABASE_URL, entities: [ArticleEntity, AuthorEntity], ...connectTimeouts(5000) }); // a dead database fails in 5 s

export function articleSource(orm: MikroORM, query: { ordering?: string }) {
  return mikroOrmSource(orm.em.fork(), ArticleEntity, {
    where: { published: true }, // applied to pages and counts alike
    populate: ['author'], // loaded after the page query
    ordering: '-created', // page-number and limit-offset order (primary key appended)
    orderingFields: ['created', 'title'],
    requestedOrdering: query.ordering, // ?ordering=-created,title or a GraphQL argument
  });
  // or mikroOrmSource(em.getRepository(ArticleEntity), options), or queryBuilderSource(qb) for custom SQL
}
