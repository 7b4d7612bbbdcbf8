// The acceptance scenario of issue 15, run over each adapter's blog schema: relay-runtime with
// relay-compiler artifacts and default settings (no custom getDataID) stores every node under its
// global id, and a @refetchable fragment on a nested connection's parent pages through node(id:).
import type { GraphQLSchema } from 'graphql';
import { fetchQuery, getSelector, type ConcreteRequest, type Environment, type ReaderFragment } from 'relay-runtime';
import { toGlobalId } from 'pagewise/graphql';
import type { LoadCall } from './blog-schema';
import { compileRelay, relayEnvironment, type Compiled, type SentRequest } from './relay-harness';

/** The documents of the scenario: a @refetchable fragment with a @connection, and the query that spreads it. */
export const refetchableDocuments = `
graphql\`
  fragment BlogComments_article on Article
  @refetchable(queryName: "BlogCommentsRefetchQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }) {
    title
    comments(first: $count, after: $cursor) @connection(key: "BlogComments_comments") {
      edges { node { id body } }
    }
  }
\`;
graphql\`
  query BlogQuery {
    articles(first: 2) {
      edges { node { id ...BlogComments_article } }
    }
    authors(first: 2) {
      edges { node { id name } }
    }
  }
\`;
`;

/** The artifacts of a successful compile. */
export function artifacts(compiled: Compiled): Readonly<Record<string, unknown>> {
  if (!compiled.ok) throw new Error(compiled.output);
  return compiled.artifacts;
}

interface CommentsFragment {
  readonly title: string;
  readonly comments: {
    readonly edges: ReadonlyArray<{ readonly node: { readonly id: string; readonly body: string } }>;
    readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  };
}

interface BlogQueryData {
  readonly articles: { readonly edges: ReadonlyArray<{ readonly node: { readonly id: string } }> };
  readonly authors: { readonly edges: ReadonlyArray<{ readonly node: { readonly id: string; readonly name: string } }> };
}

/** A blog schema and the array its node loaders record their calls in. */
export interface RecordingSchema {
  readonly schema: GraphQLSchema;
  readonly calls: LoadCall[];
}

/** The scenario over the blog schema that `build` makes. */
export function describeRelayRefetch(label: string, build: () => RecordingSchema | Promise<RecordingSchema>): void {
  describe(`relay-runtime over ${label}`, () => {
    let calls: LoadCall[];
    let compiled: Readonly<Record<string, unknown>>;
    let fragment: ReaderFragment;
    let refetchQuery: ConcreteRequest;
    let environment: Environment;
    let sent: SentRequest[];
    let data: BlogQueryData;
    beforeAll(async () => {
      const built = await build();
      calls = built.calls;
      compiled = artifacts(compileRelay(built.schema, 'Blog', refetchableDocuments));
      fragment = compiled['BlogComments_article'] as ReaderFragment;
      refetchQuery = compiled['BlogCommentsRefetchQuery'] as ConcreteRequest;
      sent = [];
      environment = relayEnvironment(built.schema, sent);
      data = (await fetchQuery(environment, compiled['BlogQuery'] as ConcreteRequest, {}).toPromise()) as BlogQueryData;
    });

    const commentsOf = (articleRef: object): CommentsFragment => {
      const selector = getSelector(fragment, articleRef);
      if (selector === null || selector.kind !== 'SingularReaderSelector') throw new Error('no selector for the fragment');
      const snapshot = environment.lookup(selector);
      expect(snapshot.isMissingData).toBe(false);
      return snapshot.data as unknown as CommentsFragment;
    };
    const bodies = (fragmentData: CommentsFragment) => fragmentData.comments.edges.map((edge) => edge.node.body);

    it('compiles the @refetchable fragment into a refetch query through node(id:)', () => {
      expect(Object.keys(compiled).sort()).toEqual(['BlogCommentsRefetchQuery', 'BlogComments_article', 'BlogQuery']);
      expect(refetchQuery.params.text).toContain('node(id: $id)');
    });

    it('stores Article 1, Author 1 and Comment 1 as three records under their global ids', () => {
      const source = environment.getStore().getSource();
      const records = (type: string) => source.getRecordIDs().filter((id) => source.get(id)?.['__typename'] === type);
      expect(data.articles.edges.map((edge) => edge.node.id)).toEqual([toGlobalId('Article', 1), toGlobalId('Article', 2)]);
      expect(data.authors.edges.map((edge) => edge.node)).toEqual([
        { id: toGlobalId('Author', 1), name: 'Ada' },
        { id: toGlobalId('Author', 2), name: 'Grace' },
      ]);
      expect(records('Article').sort()).toEqual([toGlobalId('Article', 1), toGlobalId('Article', 2)].sort());
      expect(records('Author').sort()).toEqual([toGlobalId('Author', 1), toGlobalId('Author', 2)].sort());
      expect(records('Comment').sort()).toEqual([1, 2, 6, 7].map((id) => toGlobalId('Comment', id)).sort());
    });

    it('pages the nested connection by refetching its parent through node(id:), the edges merged by the connection handler', async () => {
      const articleRef = data.articles.edges[0]!.node;
      const first = commentsOf(articleRef);
      expect({ title: first.title, bodies: bodies(first), hasNextPage: first.comments.pageInfo.hasNextPage }).toEqual({
        title: 'Keysets',
        bodies: ['Comment 1', 'Comment 2'],
        hasNextPage: true,
      });

      calls.length = 0;
      const variables = { id: articleRef.id, count: 2, cursor: first.comments.pageInfo.endCursor };
      await fetchQuery(environment, refetchQuery, variables).toPromise();
      const second = commentsOf(articleRef);
      expect(bodies(second)).toEqual(['Comment 1', 'Comment 2', 'Comment 3', 'Comment 4']);
      expect(second.comments.pageInfo.hasNextPage).toBe(true);

      await fetchQuery(environment, refetchQuery, { ...variables, cursor: second.comments.pageInfo.endCursor }).toPromise();
      const last = commentsOf(articleRef);
      expect(bodies(last)).toEqual(['Comment 1', 'Comment 2', 'Comment 3', 'Comment 4', 'Comment 5']);
      expect(last.comments.pageInfo.hasNextPage).toBe(false);

      expect(sent.map((request) => request.name)).toEqual(['BlogQuery', 'BlogCommentsRefetchQuery', 'BlogCommentsRefetchQuery']);
      expect(sent[1]!.variables).toEqual({ id: toGlobalId('Article', 1), count: 2, cursor: first.comments.pageInfo.endCursor });
      // Each refetch looked the article up by its integer key, once.
      expect(calls).toEqual([
        { type: 'Article', ids: [1] },
        { type: 'Article', ids: [1] },
      ]);
    });

    it('leaves the other article untouched by the refetches', () => {
      expect(bodies(commentsOf(data.articles.edges[1]!.node))).toEqual(['Comment 6', 'Comment 7']);
    });
  });
}
