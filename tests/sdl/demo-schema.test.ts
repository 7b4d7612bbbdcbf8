import { printSchema } from 'graphql';
import { demoData } from './demo-data';
import { demoResolvers } from './demo-resolvers';
import { buildDemoSchema } from './demo-schema';
import { run } from './sdl-helpers';

describe('the demo schema (tests/sdl/demo.graphql) after @paginate', () => {
  const schema = buildDemoSchema(demoResolvers);

  it('prints as the snapshot', () => {
    expect(printSchema(schema)).toMatchSnapshot();
  });

  it('pages nested fields: an author’s articles from a PageSource, an article’s comments from an array', async () => {
    const result = await run(
      schema,
      `{ author(id: "1") {
          name
          articles(first: 2) { nodes { id createdAt } pageInfo { hasNextPage } totalCount }
        }
        articleWindow(offset: 9, limit: 1) { nodes { id comments(limit: 2, offset: 1) { results { id } count next previous } } } }`,
      undefined,
      demoData(),
    );
    expect(result).toEqual({
      data: {
        author: {
          name: 'Dana',
          articles: {
            nodes: [
              { id: '9', createdAt: '2024-01-12T09:00:00.000Z' },
              { id: '5', createdAt: '2024-01-11T09:00:00.000Z' },
            ],
            pageInfo: { hasNextPage: true },
            totalCount: 3,
          },
        },
        articleWindow: { nodes: [{ id: '3', comments: { results: [{ id: '6' }, { id: '9' }], count: 3, next: null, previous: '0' } }] },
      },
    });
  });

  it('passes the field’s own arguments to its resolver (the filter)', async () => {
    const result = await run(
      schema,
      '{ articleWindow(limit: 2, filter: { authorId: "2" }) { nodes { id author { id } } totalCount } }',
      undefined,
      demoData(),
    );
    expect(result).toEqual({
      data: {
        articleWindow: {
          nodes: [
            { id: '10', author: { id: '2' } },
            { id: '6', author: { id: '2' } },
          ],
          totalCount: 3,
        },
      },
    });
  });
});
