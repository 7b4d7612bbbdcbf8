// Timing helpers of the benchmarks: medians of interleaved runs, so drift hits both sides alike.
import { performance } from 'node:perf_hooks';

/** One line of the bench table: a ratio against a baseline measured in the same process. */
export interface BenchResult {
  readonly bench: string;
  readonly measure: string;
  readonly ratio: number;
  /** The ratio the project aims for, when it has one: at most (`<=`, a cost) or at least (`>=`, a speed-up). */
  readonly target: Target | null;
  /** The two medians behind the ratio, with their units. */
  readonly detail: string;
}

/** A bound on a ratio. */
export interface Target {
  readonly kind: '<=' | '>=';
  readonly value: number;
}

/** At most `value` (the subject costs no more than this times the baseline). */
export const atMost = (value: number): Target => ({ kind: '<=', value });
/** At least `value` (the subject is this many times faster, or serves this many times more). */
export const atLeast = (value: number): Target => ({ kind: '>=', value });

/** A benchmark module: runs itself and returns its lines. */
export type Bench = () => Promise<BenchResult[]>;

/** The median of `values`. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * How much longer `subject` takes than `baseline`: the median of the ratios of `rounds` back-to-back
 * pairs (alternating which runs first), after `warmup` runs of each. Pairing keeps the ratio steady
 * when other work on the machine slows both sides for a while.
 */
export async function ratioOf(
  subject: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  { rounds = 200, warmup = 50 }: { rounds?: number; warmup?: number } = {},
): Promise<{ ratio: number; subjectMs: number; baselineMs: number }> {
  for (let i = 0; i < warmup; i += 1) {
    await subject();
    await baseline();
  }
  const subjects: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    if (i % 2) {
      subjects.push(await time(subject));
      baselines.push(await time(baseline));
    } else {
      baselines.push(await time(baseline));
      subjects.push(await time(subject));
    }
  }
  const ratios = subjects.map((subject, index) => subject / baselines[index]!);
  return { ratio: median(ratios), subjectMs: median(subjects), baselineMs: median(baselines) };
}
