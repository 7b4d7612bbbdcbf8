// The demo's nested connections (author → articles → comments) over real HTTP: one SQL statement per
// level, one more per level whose count is selected, and each author's articles the same as the
// author's own connection would give, cursors included.
import { runDemo, type RunningDemo } from './demo-server';

let running: RunningDemo;
beforeAll(async () => {
  running = await runDemo();
});
afterAll(async () => running?.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON, asserted field by field
type Data = Record<string, any>;
const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${running.demo.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Data; errors?: unknown[] };
};

/** The statements that read the demo's tables while `run` ran. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  running.sql.length = 0;
  await run();
  return running.sql.filter((line) => line.includes('[query]'));
}

describe('demo nested connections', () => {
  it('authors → articles → comments: one statement per level', async () => {
    let data: Data | undefined;
    const sql = await statementsOf(async () => {
      const result = await graphql(
        '{ authors(first: 12) { edges { node { name articles(first: 10) { edges { node { id comments(first: 3) { edges { node { id } } } } } } } } } }',
      );
      expect(result.errors).toBeUndefined();
      data = result.data;
    });
    expect(sql).toHaveLength(3);
    // SQLite: each level one statement, an index seek per parent joined to the parents' keys.
    expect(sql[1]).toMatch(/from json_each\(.*\) as `pw_k` join `article` .*`e`.`author_id` = json_extract/i);
    expect(sql[2]).toMatch(/from json_each\(.*\) as `pw_k` join `comment` .*`e`.`article_id` = json_extract/i);
    const articles = data!['authors'].edges.flatMap((edge: Data) => edge.node.articles.edges);
    expect(articles.length).toBeGreaterThan(12);
  });

  it('a selected count adds one GROUP BY per level, not one COUNT per parent', async () => {
    const sql = await statementsOf(async () => {
      const result = await graphql(
        '{ authors(first: 12) { edges { node { articles(first: 10) { totalCount edges { node { comments(first: 3) { totalCount } } } } } } } }',
      );
      expect(result.errors).toBeUndefined();
    });
    expect(sql).toHaveLength(5);
    expect(sql.filter((statement) => /count\(\*\).* group by/i.test(statement))).toHaveLength(2);
  });

  it("continues one author's articles from that author's own end cursor", async () => {
    const nested = await graphql(
      '{ authors(first: 3) { edges { node { id articles(first: 2) { pageInfo { endCursor } edges { node { id } } } } } } }',
    );
    const second = nested.data!['authors'].edges[1].node;
    const next = await graphql(
      'query($after: String) { authors(first: 3) { edges { node { id articles(first: 2, after: $after) { edges { node { id } } } } } } }',
      { after: second.articles.pageInfo.endCursor },
    );
    const continued = next.data!['authors'].edges[1].node.articles.edges.map((edge: Data) => edge.node.id);
    const all = await graphql('{ authors(first: 3) { edges { node { articles(first: 4) { edges { node { id } } } } } } }');
    const firstFour = all.data!['authors'].edges[1].node.articles.edges.map((edge: Data) => edge.node.id);
    expect([...second.articles.edges.map((edge: Data) => edge.node.id), ...continued]).toEqual(firstFour);
  });
});
