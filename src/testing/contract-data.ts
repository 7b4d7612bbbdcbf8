// The rows every source is checked on: seeded, so every run and every source sees the same data.
import type { FieldType } from '../core/internal';

/** A row of the contract's data sets; a source under test holds these fields (a table, an array). */
export interface ContractRow {
  id: number;
  /** The data set's name; a database source filters its table on it. */
  dataset: string;
  /** The data set's number (1, 2, ...): the parent key a batch source groups rows by. */
  parent: number;
  title: string;
  score: number | null;
  created: Date;
  rank: bigint;
  flag: boolean;
}

/** The declared types of the contract's fields, as the source under test must declare them. */
export const CONTRACT_FIELDS: Readonly<Record<string, FieldType>> = {
  id: 'number',
  dataset: 'string',
  parent: 'number',
  title: 'string',
  score: 'number',
  created: 'date',
  rank: 'bigint',
  flag: 'boolean',
};

/** A named set of rows; `parent` is the key of its rows in a batch source. */
export interface ContractDataset {
  readonly name: string;
  readonly parent: number;
  readonly rows: readonly ContractRow[];
}

const TITLES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const EPOCH = Date.UTC(2024, 0, 1);

function mulberry(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRows(dataset: string, parent: number, firstId: number, count: number, seed: number, spread: number): ContractRow[] {
  const random = mulberry(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  // Ids are shuffled against insertion order so no source can pass by returning rows as stored.
  const ids = Array.from({ length: count }, (_, index) => firstId + index).sort(() => random() - 0.5);
  return ids.map((id) => ({
    id,
    dataset,
    parent,
    title: TITLES[pick(Math.min(spread, TITLES.length))]!,
    score: pick(4) === 0 ? null : pick(spread),
    // Whole seconds: MariaDB's DATETIME keeps no fraction by default.
    created: new Date(EPOCH + pick(spread) * 86_400_000 + pick(2) * 1000),
    rank: BigInt(pick(spread)) * 1_000_000_007n,
    flag: pick(2) === 0,
  }));
}

/** The data sets every source is checked on: many ties and NULLs, all ties, one row, none. */
export const CONTRACT_DATASETS: readonly ContractDataset[] = [
  { name: 'mixed', parent: 1, rows: makeRows('mixed', 1, 1, 37, 7, 4) },
  { name: 'ties', parent: 2, rows: makeRows('ties', 2, 101, 11, 3, 1) },
  { name: 'single', parent: 3, rows: makeRows('single', 3, 201, 1, 5, 3) },
  { name: 'empty', parent: 4, rows: [] },
];

/** Every row of every data set: what a database source loads once, or a batch source holds. */
export const CONTRACT_ROWS: readonly ContractRow[] = CONTRACT_DATASETS.flatMap((dataset) => dataset.rows);
