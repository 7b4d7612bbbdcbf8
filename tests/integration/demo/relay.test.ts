// The demo with relay-runtime, as issue 15 asks: relay-compiler (defaults) accepts a @refetchable
// fragment on Article, the parent of the nested comments connection, and relay-runtime (default
// getDataID) pages those comments by refetching the article through node(id:) over HTTP.
import { fetchQuery, getSelector, type ConcreteRequest, type Environment, type ReaderFragment } from 'relay-runtime';
import { hmacSigner } from 'pagewise';
import { toGlobalId } from 'pagewise/graphql';
import { demoSchema } from '../../../examples/demo/graphql-schema';
import { compileRelay, relayHttpEnvironment, type SentRequest } from '../../graphql/relay-harness';
import { runDemo, type RunningDemo } from './demo-server';

const documents = `
graphql\`
  fragment DemoComments_article on Article
  @refetchable(queryName: "DemoCommentsRefetchQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 1 }, cursor: { type: "String" }) {
    databaseId
    comments(first: $count, after: $cursor) @connection(key: "DemoComments_comments") {
      edges { node { id body } }
    }
  }
\`;
graphql\`
  query DemoQuery {
    authors(first: 3) {
      edges { node { id name articles(first: 5) { edges { node { id ...DemoComments_article } } } } }
    }
  }
\`;
`;

interface Comments {
  readonly databaseId: number;
  readonly comments: {
    readonly edges: ReadonlyArray<{ readonly node: { readonly id: string; readonly body: string } }>;
    readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  };
}
interface DemoData {
  readonly authors: {
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly id: string;
        readonly articles: { readonly edges: ReadonlyArray<{ readonly node: { readonly id: string } }> };
      };
    }>;
  };
}

let running: RunningDemo;
beforeAll(async () => {
  running = await runDemo();
});
afterAll(async () => running?.stop());

describe('the demo with relay-runtime', () => {
  // The printed schema is the demo's, whatever secret signs its cursors.
  const compiled = compileRelay(demoSchema(hmacSigner('a secret only to print the schema')), 'Demo', documents);

  it('relay-compiler accepts @refetchable on Article and writes a refetch query through node(id:)', () => {
    if (!compiled.ok) throw new Error(compiled.output);
    expect((compiled.artifacts['DemoCommentsRefetchQuery'] as ConcreteRequest).params.text).toContain('node(id: $id)');
  });

  it('pages an article’s comments by refetching the article through node(id:)', async () => {
    if (!compiled.ok) throw new Error(compiled.output);
    const sent: SentRequest[] = [];
    const environment: Environment = relayHttpEnvironment(`${running.demo.origin}/graphql`, sent);
    const fragment = compiled.artifacts['DemoComments_article'] as ReaderFragment;
    const refetch = compiled.artifacts['DemoCommentsRefetchQuery'] as ConcreteRequest;
    const data = (await fetchQuery(environment, compiled.artifacts['DemoQuery'] as ConcreteRequest, {}).toPromise()) as DemoData;
    const read = (ref: object): Comments => {
      const selector = getSelector(fragment, ref);
      if (selector?.kind !== 'SingularReaderSelector') throw new Error('no selector');
      return environment.lookup(selector).data as unknown as Comments;
    };
    const refs = data.authors.edges.flatMap((author) => author.node.articles.edges.map((edge) => edge.node));
    // An article with more than one comment (the seed gives each 0–3).
    const ref = refs.find((candidate) => read(candidate).comments.pageInfo.hasNextPage);
    if (ref === undefined) throw new Error('no article with two comments among the first authors');
    const first = read(ref);
    expect(ref.id).toBe(toGlobalId('Article', first.databaseId));
    expect(first.comments.edges).toHaveLength(1);

    await fetchQuery(environment, refetch, { id: ref.id, count: 1, cursor: first.comments.pageInfo.endCursor }).toPromise();
    const merged = read(ref);
    // The same two comments the article's own connection gives in one page.
    const direct = await fetch(`${running.demo.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($id: ID!) { node(id: $id) { ... on Article { comments(first: 2) { edges { node { body } } } } } }',
        variables: { id: ref.id },
      }),
    });
    const page = ((await direct.json()) as { data: { node: { comments: { edges: { node: { body: string } }[] } } } }).data.node;
    expect(merged.comments.edges.map((edge) => edge.node.body)).toEqual(page.comments.edges.map((edge) => edge.node.body));
    expect(merged.comments.edges).toHaveLength(2);
    expect(sent.map((request) => request.name)).toEqual(['DemoQuery', 'DemoCommentsRefetchQuery']);
    // Every record under its own global id: no Article, Author and Comment share one.
    const source = environment.getStore().getSource();
    const ids = source.getRecordIDs().filter((id) => !id.startsWith('client:'));
    expect(ids.every((id) => ['Article', 'Author', 'Comment'].includes(String(source.get(id)?.['__typename'])))).toBe(true);
  });
});
