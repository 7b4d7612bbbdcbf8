// The walks both rigs run (PostgreSQL primary + replica, Galera): cursor walks in both keyset modes,
// forward and backward, asserted to show no row twice and skip none that existed throughout; the same
// walks with limit-offset (and drf mode on a tied ordering) beside them, reported, not asserted.
import type { Knex } from '@mikro-orm/knex';
import type { Balancer, DemoInstance, InstanceSettings } from '../../support/balancer';
import { cursorWalk, offsetWalk, resetArticles, spread, startWriter, tally, type Tally, type Walk, type Writes } from './walks';

/** What the walks need of a rig. */
export interface WalkRig {
  readonly balancer: Balancer;
  readonly instances: readonly DemoInstance[];
  /** Where the writer writes (one after another). */
  readonly writers: readonly Knex[];
  /** Waits until every node that serves reads has what was written so far. */
  settle(): Promise<void>;
}

/** Originals per walk and the page size: 30 pages a walk. */
export const ORIGINALS = 600;
export const PAGE_SIZE = 20;

/** One line of the suite's report. */
export interface WalkReport extends Tally, Omit<Writes, 'deletedOriginals'> {
  readonly walk: string;
  readonly pages: number;
  readonly ms: number;
}

/** A walk run while the writer writes, after fresh originals reached every node. */
export async function underWrites(rig: WalkRig, name: string, run: () => Promise<Walk>): Promise<{ walk: Walk; report: WalkReport }> {
  await resetArticles(rig.writers[0]!, ORIGINALS);
  await rig.settle();
  const writer = startWriter(rig.writers, ORIGINALS);
  const started = performance.now();
  let walk: Walk;
  try {
    walk = await run();
  } catch (error) {
    await writer.stop();
    throw error;
  }
  const writes = await writer.stop();
  const ms = performance.now() - started;
  const report = {
    walk: name,
    pages: walk.pages,
    ms: Math.round(ms),
    inserted: writes.inserted,
    deleted: writes.deleted,
    ...tally(walk, ORIGINALS, writes),
  };
  return { walk, report };
}

/** The lines of a report as a table for the log. */
export function reportTable(title: string, reports: readonly WalkReport[]): string {
  const head = 'walk'.padEnd(44) + 'pages  rows  dup  skip  inserted  deleted     ms';
  const lines = reports.map(
    (r) =>
      r.walk.padEnd(44) +
      [r.pages, r.seen, r.duplicates, r.skipped, r.inserted, r.deleted, r.ms]
        .map((value, index) => String(value).padStart([5, 6, 5, 6, 10, 9, 7][index]!))
        .join(''),
  );
  return [title, head, ...lines].join('\n');
}

/** Restarts every instance with `settings`, one after another (the balancer retries around each). */
export async function restartAll(instances: readonly DemoInstance[], settings: InstanceSettings): Promise<void> {
  for (const instance of instances) await instance.restart(settings);
}

/** The walks of one rig; `rig()` is read once its beforeAll ran. */
export function walkSuite(rigName: string, rig: () => WalkRig, settings: InstanceSettings): void {
  const reports: WalkReport[] = [];
  afterAll(() => {
    if (reports.length > 0)
      console.log(reportTable(`Walks through the balancer on ${rigName} (${ORIGINALS} originals, pages of ${PAGE_SIZE}):`, reports));
  });

  const assertSpread = (walk: Walk): void => {
    // Round-robin over three instances: no two consecutive pages from one instance, all three used.
    expect(spread(walk)).toEqual({ alternating: true, instances: rig().instances.length });
  };

  // Exact mode pages by Relay's edge cursors; drf mode by DRF's own next/previous links (articleFeed),
  // on an ordering whose first field is unique (DRF's position is the first field alone).
  const modes = [
    { mode: 'exact', ordering: undefined, links: false },
    { mode: 'drf', ordering: ['-id'], links: true },
  ] as const;
  describe.each(modes)('cursor style, $mode mode', ({ mode, ordering, links }) => {
    beforeAll(() => restartAll(rig().instances, { ...settings, cursorMode: mode }));
    const label = (direction: string, order: readonly string[] | undefined, byLinks: boolean): string =>
      `cursor ${mode} ${direction} ${order?.join(',') ?? '-createdAt'}${byLinks ? ' (DRF links)' : ' (Relay)'}`;

    it.each(['forward', 'backward'] as const)(
      `walking %s (ordering ${ordering ? ordering.join(',') : '-createdAt, ties'}) shows no row twice and skips none that existed throughout`,
      async (direction) => {
        const { walk, report } = await underWrites(rig(), label(direction, ordering, links), () =>
          cursorWalk(rig().balancer.origin, { direction, pageSize: PAGE_SIZE, links, ...(ordering ? { ordering } : {}) }),
        );
        reports.push(report);
        expect(report.inserted + report.deleted).toBeGreaterThan(0);
        expect({ duplicates: report.duplicates, skipped: report.skipped }).toEqual({ duplicates: 0, skipped: 0 });
        assertSpread(walk);
        expect(rig().instances.flatMap((instance) => instance.faults)).toEqual([]);
      },
    );

    if (mode === 'drf') {
      // Reported, not asserted: DRF's position is the first field alone, so ties move under writes; and
      // Relay's `before` with an edge cursor is turned into DRF's cursor of the next row plus an offset.
      it.each([
        ['forward', 'DRF links on the tied -createdAt', undefined, true],
        ['backward', 'DRF links on the tied -createdAt', undefined, true],
        ['backward', "Relay's before on -id", ['-id'], false],
      ] as const)('walking %s by %s: reported', async (direction, _how, order, byLinks) => {
        const { walk, report } = await underWrites(rig(), label(direction, order, byLinks), () =>
          cursorWalk(rig().balancer.origin, { direction, pageSize: PAGE_SIZE, links: byLinks, ...(order ? { ordering: order } : {}) }),
        );
        reports.push(report);
        assertSpread(walk);
      });
    }
  });

  it.each(['forward', 'backward'] as const)('limit-offset walking %s: duplicates and skips reported beside', async (direction) => {
    const { walk, report } = await underWrites(rig(), `limit-offset ${direction}`, () =>
      offsetWalk(rig().balancer.origin, direction, PAGE_SIZE),
    );
    reports.push(report);
    assertSpread(walk);
    // Not asserted: under writes offsets show rows twice and skip others, which the report shows.
    expect(report.seen).toBeGreaterThan(0);
  });
}
