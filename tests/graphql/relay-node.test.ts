// Issue 15's acceptance over the graphql-js blog, and the legacy schema (Int ids, no Node) showing
// what broke before.
import { fetchQuery, type ConcreteRequest } from 'relay-runtime';
import { blogSchema, legacyBlogSchema, type LoadCall } from './blog-schema';
import { compileRelay, relayEnvironment } from './relay-harness';
import { artifacts, describeRelayRefetch, refetchableDocuments } from './relay-scenario';

const plainDocuments = `
graphql\`
  query LegacyQuery {
    articles(first: 2) { edges { node { id title } } }
  }
\`;
`;

describeRelayRefetch('the graphql-js blog (nodeDefinitions)', () => {
  const calls: LoadCall[] = [];
  return { schema: blogSchema({ calls }), calls };
});

describe('the same client over the legacy schema (Int ids, no Node) — what issue 15 reported', () => {
  const legacy = legacyBlogSchema();

  it('relay-compiler rejects @refetchable: there is no Node interface nor node(id:)', () => {
    const compiled = compileRelay(legacy, 'Blog', refetchableDocuments);
    expect(compiled.ok).toBe(false);
    expect(compiled.ok ? '' : compiled.output).toContain("Invalid use of @refetchable on fragment 'BlogComments_article'");
  });

  it('relay-runtime fails to normalize the Int ids', async () => {
    const query = artifacts(compileRelay(legacy, 'Legacy', plainDocuments))['LegacyQuery'] as ConcreteRequest;
    await expect(fetchQuery(relayEnvironment(legacy), query, {}).toPromise()).rejects.toThrow(
      'RelayResponseNormalizer: Expected id on field `node` to be a string',
    );
  });
});
