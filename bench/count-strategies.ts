// bench/count-strategies: PostgreSQL, 1,000,000 rows, a page-number page 2 of 20 with its count, under
// each count strategy against `exact` (the separate COUNT(*) beside the page): `folded` (one statement,
// COUNT(*) OVER ()), `{ capped: 1000 }` (a count over LIMIT 1001) and `estimated` (the planner's EXPLAIN).
import { pageNumberPagination, paginate, type PageNumberOptions } from 'pagewise';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { eventDatabase, EventEntity } from './events';
import { ratioOf, type BenchResult } from './measure';

const ROWS = 1_000_000;
const SIZE = 20;
const CAP = 1000;

type Strategy = NonNullable<PageNumberOptions['count']>;

/** Runs the count-strategy benchmark in a schema of its own, dropped afterwards. */
export async function countStrategies(): Promise<BenchResult[]> {
  const { em, close } = await eventDatabase(ROWS);
  try {
    const pageWith = (count: Strategy) => {
      const pagination = pageNumberPagination({ pageSize: SIZE, count });
      return async () => {
        const page = await paginate(
          mikroOrmSource(em.fork(), EventEntity, { ordering: 'created' }),
          pagination,
          { via: 'query', page: '2' },
          {
            withCount: true,
          },
        );
        if (page.style === 'whole' || page.items.length !== SIZE) throw new Error('page 2 had not 20 rows');
        return page.total();
      };
    };
    // Each strategy's answer checked once, so the timings are of pages that count as documented.
    const expected = { exact: 'exact', folded: 'exact', capped: 'capped', estimated: 'estimated' };
    const strategies: ReadonlyArray<readonly [keyof typeof expected, Strategy]> = [
      ['folded', 'folded'],
      ['capped', { capped: CAP }],
      ['estimated', 'estimated'],
    ];
    const exact = pageWith('exact');
    const truth = await exact();
    if (truth.value !== ROWS || truth.kind !== 'exact') throw new Error(`exact count ${JSON.stringify(truth)}`);
    const results: BenchResult[] = [];
    for (const [name, strategy] of strategies) {
      const subject = pageWith(strategy);
      const total = await subject();
      if (total.kind !== expected[name] || (name !== 'estimated' && total.value !== (name === 'capped' ? CAP : ROWS))) {
        throw new Error(`${name} count ${JSON.stringify(total)}`);
      }
      const outcome = await ratioOf(subject, exact, { rounds: 20, warmup: 3 });
      results.push({
        bench: 'count-strategies',
        measure: `page 2 of 1M rows with its count: ${name} / exact`,
        ratio: outcome.ratio,
        target: null,
        detail: `${name} ${outcome.subjectMs.toFixed(2)} ms / exact ${outcome.baselineMs.toFixed(2)} ms`,
      });
    }
    return results;
  } finally {
    await close();
  }
}
