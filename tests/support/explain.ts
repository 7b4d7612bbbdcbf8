// EXPLAIN ANALYZE on PostgreSQL for the plan tests: a logged statement's plan as a flat list of nodes.
import type { TestDatabase } from './databases';

/** The fields of a PostgreSQL plan node the tests read. */
export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** Runs `statement` (as MikroORM logged it with query-params) under EXPLAIN ANALYZE; every node of its plan. */
export async function explainNodes(db: TestDatabase, statement: string): Promise<PlanNode[]> {
  const sql = statement.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, '');
  const [result] = await db.orm.em
    .getConnection()
    .execute<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(`explain (analyze, format json) ${sql}`);
  return nodes(result!['QUERY PLAN'][0]!.Plan);
}
