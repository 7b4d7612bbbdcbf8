// Sources are made per request; their ordering is described once per entity, alias and options.
// Sources with other options must still get their own ordering, and a client's requested ordering
// is never kept for the next request.
import { limitOffsetPagination, pageNumberPagination, paginateLimitOffset, paginatePageNumber } from 'pagewise';
import { mikroOrmSource, type MikroOrmSourceOptions } from 'pagewise/mikro-orm';
import { CONTRACT_DATASETS, type ContractRow } from 'pagewise/testing';
import { openTestDatabase, type TestDatabase } from '../../support/databases';
import { ContractEntity } from './contract-entity';

const mixed = CONTRACT_DATASETS[0]!;

describe('entity orderings made once per options', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('sqlite', { entities: [ContractEntity] });
    const em = db.orm.em.fork();
    for (const row of mixed.rows) em.create(ContractEntity, { ...row });
    await em.flush();
  });
  afterAll(async () => db?.close());

  const source = (options: MikroOrmSourceOptions<ContractRow>) => mikroOrmSource(db.orm.em.fork(), ContractEntity, options);
  /** The ids of the first page and the statement it sent. */
  const firstPage = async (options: MikroOrmSourceOptions<ContractRow>, offset = 0) => {
    db.queries.length = 0;
    const page = await paginateLimitOffset(source(options), limitOffsetPagination({ defaultLimit: 4 }), { offset: String(offset) });
    return { ids: page!.items.map((row) => row.id), sql: db.queries.join('\n') };
  };
  const byId = (rows: readonly ContractRow[], key: (row: ContractRow) => string) =>
    [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id)).map((row) => row.id);

  it('gives each ordering option its own order, one after the other and back', async () => {
    const byTitle = byId(mixed.rows, (row) => row.title).slice(0, 4);
    const byIdAsc = [...mixed.rows].map((row) => row.id).sort((a, b) => a - b);
    for (let round = 0; round < 2; round += 1) {
      expect((await firstPage({ ordering: 'title' })).ids).toEqual(byTitle);
      expect((await firstPage({})).ids).toEqual(byIdAsc.slice(0, 4));
      expect((await firstPage({ ordering: '-id' })).ids).toEqual([...byIdAsc].reverse().slice(0, 4));
    }
  });

  it('tells deferredOffset: Infinity from the default (JSON would write both as null)', async () => {
    // From 1,000 skipped rows by default (past the end of this table, which changes no SQL).
    expect((await firstPage({ deferredOffset: Infinity }, 1000)).sql).not.toMatch(/pw_k/);
    expect((await firstPage({}, 1000)).sql).toMatch(/pw_k/);
    expect((await firstPage({ deferredOffset: Infinity }, 1000)).sql).not.toMatch(/pw_k/);
    expect((await firstPage({ deferredOffset: 2 }, 4)).sql).toMatch(/pw_k/);
    expect((await firstPage({}, 4)).sql).not.toMatch(/pw_k/);
  });

  it('keeps no requested ordering: each request gets its own, and none outlives it', async () => {
    const options = (requestedOrdering: string | null) => ({ orderingFields: ['title', 'score'], requestedOrdering });
    const numbered = async (requested: string | null) =>
      (await paginatePageNumber(source(options(requested)), pageNumberPagination({ pageSize: 3 }), {}))!.items.map((row) => row.id);
    expect(await numbered('-title')).toEqual(
      byId(mixed.rows, (row) => row.title)
        .reverse()
        .slice(0, 3),
    );
    expect(await numbered(null)).toEqual(
      [...mixed.rows]
        .map((row) => row.id)
        .sort((a, b) => a - b)
        .slice(0, 3),
    );
    await expect(numbered('flag')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
