// Signing across instances: a cursor one instance made is good on every other; a rotation (every
// instance restarted with a new secret and the old one as previous) keeps old cursors working mid-walk;
// once the previous secret is retired, an old cursor is INVALID_CURSOR (GraphQL) and a 404 (REST).
import { ARTICLES_PAGE, cursorWalk, graphql, rest, resetArticles, startWriter, tally } from './walks';
import { ORIGINALS, PAGE_SIZE, restartAll, type WalkRig } from './walk-suite';

interface Page {
  readonly articles: { edges: Array<{ node: { databaseId: number } }>; pageInfo: { endCursor: string | null } };
}

/** The rotation tests of a rig whose instances run with `secret`. */
export function rotationSuite(rig: () => WalkRig, secret: string): void {
  const next = `${secret} (rotated)`;
  const direct = (port: number): string => `http://127.0.0.1:${port}`;

  describe('signing secrets across instances', () => {
    beforeAll(() => restartAll(rig().instances, { secret }));

    it('a cursor one instance made is accepted by every other, the same page on each', async () => {
      await resetArticles(rig().writers[0]!, 200);
      await rig().settle();
      const first = await graphql<Page>(direct(rig().instances[0]!.port), ARTICLES_PAGE, { first: PAGE_SIZE });
      const cursor = first.body.data!.articles.pageInfo.endCursor;
      const pages = await Promise.all(
        rig().instances.map(async (instance) => {
          const { body, instance: answered } = await graphql<Page>(direct(instance.port), ARTICLES_PAGE, {
            first: PAGE_SIZE,
            after: cursor,
          });
          return { answered, ids: body.data?.articles.edges.map((edge) => edge.node.databaseId) };
        }),
      );
      expect(pages.map((page) => page.answered)).toEqual(rig().instances.map((instance) => instance.name));
      expect(new Set(pages.map((page) => JSON.stringify(page.ids))).size).toBe(1);
      expect(pages[0]!.ids).toHaveLength(PAGE_SIZE);
      // REST's cursor endpoint shares the scope: the same cursor, the same rows, from every instance.
      for (const instance of rig().instances) {
        const { status, body } = await rest<{ results: Array<{ id: number }> }>(
          direct(instance.port),
          `/api/articles/cursor?page_size=${PAGE_SIZE}&cursor=${encodeURIComponent(cursor!)}`,
        );
        expect(status).toBe(200);
        expect(body.results.map((row) => row.id)).toEqual(pages[0]!.ids);
      }
    });

    it('rotated mid-walk, old cursors keep working; with the previous secret retired they are INVALID_CURSOR', async () => {
      await resetArticles(rig().writers[0]!, ORIGINALS);
      await rig().settle();
      const writer = startWriter(rig().writers, ORIGINALS);
      let writes;
      let head;
      let tail;
      let restCursor: string;
      try {
        head = await cursorWalk(rig().balancer.origin, { direction: 'forward', pageSize: PAGE_SIZE, maxPages: 10 });
        const restPage = await rest<{ next: string }>(rig().balancer.origin, `/api/articles/cursor?page_size=${PAGE_SIZE}`);
        restCursor = new URL(restPage.body.next).searchParams.get('cursor')!;
        // Step one of a rotation: every instance signs with the new secret and still accepts the old.
        await restartAll(rig().instances, { secret: next, previousSecrets: [secret] });
        tail = await cursorWalk(rig().balancer.origin, { direction: 'forward', pageSize: PAGE_SIZE, from: head.cursor! });
      } finally {
        writes = await writer.stop();
      }
      const walk = { ids: [...head.ids, ...tail.ids], instances: [...head.instances, ...tail.instances], pages: head.pages + tail.pages };
      expect(tally(walk, ORIGINALS, writes)).toMatchObject({ duplicates: 0, skipped: 0 });
      console.log(
        `Rotation mid-walk: ${head.pages} pages before, ${tail.pages} after the restart with the new secret; ` +
          `${writes.inserted} inserted, ${writes.deleted} deleted meanwhile; 0 duplicates, 0 skipped`,
      );
      for (const instance of rig().instances) {
        const { body } = await graphql<Page>(direct(instance.port), ARTICLES_PAGE, { first: PAGE_SIZE, after: head.cursor });
        expect(body.errors).toBeUndefined();
      }

      // Step two: the previous secret retired. Old cursors are invalid everywhere; new ones still work.
      const fresh = (await graphql<Page>(rig().balancer.origin, ARTICLES_PAGE, { first: PAGE_SIZE })).body.data!.articles.pageInfo
        .endCursor;
      await restartAll(rig().instances, { secret: next });
      for (const instance of rig().instances) {
        const old = await graphql<Page>(direct(instance.port), ARTICLES_PAGE, { first: PAGE_SIZE, after: head.cursor });
        expect(old.body.errors?.[0]?.extensions).toMatchObject({ paginationCode: 'INVALID_CURSOR', argumentName: 'after' });
        const oldRest = await rest(
          direct(instance.port),
          `/api/articles/cursor?page_size=${PAGE_SIZE}&cursor=${encodeURIComponent(restCursor!)}`,
        );
        expect(oldRest).toMatchObject({ status: 404, body: { detail: 'Invalid cursor' } });
        const current = await graphql<Page>(direct(instance.port), ARTICLES_PAGE, { first: PAGE_SIZE, after: fresh });
        expect(current.body.errors).toBeUndefined();
      }
      await restartAll(rig().instances, { secret });
    });
  });
}
