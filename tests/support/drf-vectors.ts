// Loads ../shared/reference/drf-test-vectors.json (copied to tests/fixtures so a clone tests on its own)
// and turns a vector's DRF config and dataset into pagewise options and rows.
import vectorsFile from '../fixtures/drf-test-vectors.json';

/** One DRF vector; fields as `meta.conventions` of the file describes them. */
export interface DrfVector {
  readonly id: string;
  readonly kind: string;
  readonly style: 'page_number' | 'limit_offset' | 'cursor';
  readonly config: Record<string, unknown>;
  readonly dataset?: { range_inclusive?: [number, number]; filter?: string; items?: Array<Record<string, number>> };
  readonly request?: { path: string; query: Record<string, string | string[]>; query_string: string };
  readonly expect: Record<string, unknown>;
  readonly input?: Record<string, unknown>;
  readonly input_schema?: Record<string, unknown>;
  readonly view?: Record<string, unknown>;
}

export const vectors = (vectorsFile as unknown as { vectors: DrfVector[] }).vectors;

/** The vectors of one kind and style. */
export function vectorsOf(kind: string, style?: DrfVector['style']): DrfVector[] {
  return vectors.filter((vector) => vector.kind === kind && (style === undefined || vector.style === style));
}

/** The rows of a vector's dataset: integers (filtered to the even ones) or `{created}` objects. */
export function rowsOf(vector: DrfVector): Array<number | Record<string, number>> {
  const dataset = vector.dataset ?? {};
  if (dataset.items) return dataset.items.map((item) => ({ ...item }));
  const [from, to] = dataset.range_inclusive ?? [1, 0];
  const rows = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  return dataset.filter === 'even' ? rows.filter((value) => value % 2 === 0) : rows;
}

const camel = (name: string): string => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** DRF's snake_case attributes as pagewise's camelCase options. */
export function optionsOf(vector: DrfVector): Record<string, unknown> {
  return Object.fromEntries(Object.entries(vector.config).map(([key, value]) => [camel(key), value]));
}

/** The absolute URL Django's test client builds for a vector's request. */
export function urlOf(vector: DrfVector): string {
  const request = vector.request!;
  return `http://testserver${request.path}${request.query_string ? `?${request.query_string}` : ''}`;
}
