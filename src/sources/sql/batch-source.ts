import { assertConfig, keyText, type BatchPageSource, type KeyedSeek, type OrderingField, type SeekResult } from '../../core/internal';
import type { SqlColumn } from './column';
import type { SqlCondition } from './keyset';
import type { BoundSlots, SqlOrdering } from './ordering';
import { allOf, type SqlFragment, type SqlWindow } from './window';

/** A parent's key as a batch source takes it: the key value of the parent row. */
export type ParentKey = string | number | bigint;

/** How a batch source puts the windows of many parents into one statement. */
export type BatchStrategy = 'union' | 'lateral' | 'window';

/** What a builder gives the batch strategies: its rows as SQL, a way to run a statement, and its rows' objects. */
export interface SqlBatchRows<T extends object> {
  /**
   * The statement of the source's rows (named by the strategies' alias, `e`) with `window` written
   * in, as SQL text with `?` placeholders; each call a fresh statement.
   */
  readonly query: (window: SqlWindow) => Promise<SqlFragment>;
  /**
   * The rows' relation as SQLite's keys join reads it by unique key (`"articles" as "pw_page"`),
   * and what it selects of each row (`"pw_page".*`, an ORM's formulas).
   */
  readonly relation: (alias: string) => { readonly from: SqlFragment; readonly select: readonly string[] };
  /** Runs one statement (`what`: `page` or `count`, for messages), giving raw rows by column name. */
  readonly execute: (what: string, statement: SqlFragment) => Promise<Array<Record<string, unknown>>>;
  /**
   * A statement's raw rows as the source's rows, without the texts of `textFields` (kept for
   * `valueOf`) and the strategy's `columns`, their relations loaded.
   */
  readonly hydrate: (raw: Array<Record<string, unknown>>, textFields: readonly string[], columns: readonly string[]) => Promise<T[]>;
}

/** What a batch source is over: the rows, their ordering, the parent key's column and the strategy. */
export interface SqlBatchOptions<T extends object> {
  readonly rows: SqlBatchRows<T>;
  /** The rows' ordering over the alias `e` (see `sqlOrdering`). */
  readonly ordering: SqlOrdering<T>;
  /** The column naming each row's parent (its declared type casts PostgreSQL's array of keys; `''`: text). */
  readonly key: Pick<SqlColumn, 'column' | 'type'>;
  /** The strategy asked for (default: `lateral` on PostgreSQL and on SQLite with a one-column unique key, else `union`). */
  readonly strategy?: BatchStrategy;
}

/** The alias of the rows in every statement of a batch source. */
export const BATCH_ALIAS = 'e';
const ROW_NUMBER = 'pw_rn';
const PARENT = 'pw_key';
const COUNT = 'pw_count';
/** The column of a page's rows answering its parent's probe (1: a row lies behind the bound). */
const BEYOND = 'pw_beyond';
/** Stands for the parent's key in a union branch's parameters until each branch gets its own. */
const KEY_SLOT = '\u0000pagewise:parent\u0000';
/** SQLite takes at most 500 terms in one compound SELECT; longer unions nest in chunks. */
const UNION_CHUNK = 500;
/** Groups (distinct offsets) of one `sliceEach` statement on SQLite: its compound SELECTs and expression trees are bounded. */
const SQLITE_GROUPS = 100;

/** One parent's rows of a statement, and its probe's answer when asked. */
interface Window<T> {
  readonly rows: T[];
  readonly beyond?: boolean;
}

/** Whether a probe column says a row lies behind the bound (drivers give 1, '1', 1n or true). */
const flagged = (value: unknown): boolean => value === true || Number(value) === 1;

/** A parent key as a query parameter (drivers take bigints as text). */
const databaseKey = (key: ParentKey): string | number => (typeof key === 'bigint' ? key.toString() : key);

/** Parent keys compare as text (core's keyText, as in every batch source): drivers give bigints (and sometimes ints) back as strings. */
const keyName = keyText;

/** Keys once each, compared as text as rows are grouped (`1` and `'1'` are one parent). */
function distinctKeys(keys: readonly ParentKey[]): ParentKey[] {
  const seen = new Map<string, ParentKey>();
  for (const key of keys) if (!seen.has(keyName(key))) seen.set(keyName(key), key);
  return [...seen.values()];
}

const signature = (condition: SqlCondition): string =>
  `${condition.sql}\u0000${JSON.stringify(condition.params, (_, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value))}`;

const constant = (sql: string): SqlFragment => ({ sql, params: [] });

/** A bigint's stand-in while the keys become JSON, its digits written back as a JSON number after. */
const BIGINT_MARK = '\u0000pagewise:bigint:';

/** The keys relation of SQLite as JSON, bigints as exact JSON numbers (JSON.stringify refuses them). */
const jsonKeys = (pairs: readonly unknown[]): string =>
  JSON.stringify(pairs, (_, value: unknown) => (typeof value === 'bigint' ? `${BIGINT_MARK}${value}` : value)).replace(
    /"\\u0000pagewise:bigint:(-?\d+)"/g,
    '$1',
  );

/** The strategy a batch source runs: the one asked for, checked against the dialect, or the dialect's default. */
export function batchStrategy(dialect: SqlOrdering<object>['dialect'], uniqueKey: readonly string[], asked?: BatchStrategy): BatchStrategy {
  const lateralKind = dialect.name === 'postgresql' || (dialect.name === 'sqlite' && uniqueKey.length === 1);
  const strategy: BatchStrategy = asked ?? (lateralKind ? 'lateral' : 'union');
  assertConfig(['union', 'lateral', 'window'].includes(strategy), `strategy must be "union", "lateral" or "window"`);
  assertConfig(strategy !== 'lateral' || lateralKind, 'strategy "lateral" needs PostgreSQL, or SQLite with a single-column primary key');
  return strategy;
}

/**
 * A BatchPageSource over SQL rows, for a paginated field under a list of parents, whatever builder
 * writes the rows' query: the pages of all parents are one SQL statement (per-parent index seeks,
 * each with its own keyset bound; see {@link BatchStrategy}), their counts one
 * `COUNT(*) ... GROUP BY key`. A page from a cursor tells whether a row lies behind it, as a single
 * source does, from an EXISTS beside each parent's window (one more statement only for parents
 * whose window is empty). Parent keys compare as text (`1` and `'1'` are one parent).
 */
export function sqlBatchSource<T extends object>(options: SqlBatchOptions<T>): BatchPageSource<ParentKey, T> {
  const { rows, key: keyProp } = options;
  const { dialect, uniqueKey, fieldType, checked, sliceOrder, orderBy, seekConditions, textFieldsOf, textSelect, valueOf, columnOf } =
    options.ordering;
  const kind = dialect.name;
  const strategy = batchStrategy(dialect, uniqueKey, options.strategy);
  const keyColumn = keyProp.column;
  const quote = dialect.quote;
  const keySql = `${quote(BATCH_ALIAS)}.${quote(keyColumn)}`;

  /**
   * The order of a statement's result: by parent, then the page's order, by the columns' plain names
   * (as a union's or a derived table's rows are named), so no dialect is trusted to keep subquery order.
   */
  const resultOrder = (ordering: readonly OrderingField[], reversed: boolean, table?: string): string =>
    [
      { column: keyColumn, direction: 'asc' },
      ...ordering.map(({ field, descending }) => ({ column: columnOf(field).column, direction: descending !== reversed ? 'desc' : 'asc' })),
    ]
      .map(({ column, direction }) => `${table ? `${quote(table)}.` : ''}${quote(column)} ${direction}`)
      .join(', ');
  const primaryColumn = (): string => columnOf(uniqueKey[0]!).column;

  /**
   * One group of parents: the keys and the bound condition they share (trivial when none); with
   * LATERAL, the condition reads each key's own bound values (`values`, aligned with `keys`) from slots.
   */
  interface Group {
    readonly keys: readonly ParentKey[];
    readonly condition: SqlCondition | null;
    readonly values?: readonly (readonly unknown[])[];
    /** The group's own offset (each parent's last page), instead of the statement's. */
    readonly offset?: number;
    /**
     * The probe (is any row of the parent behind the bound its page starts from?): the condition of
     * the rows behind, `null` when every row is, `false` when none can be; absent when not asked.
     */
    readonly probe?: SqlCondition | null | false;
  }

  /** The rows of one parent: its key column equal to `keyOf` (a parameter, or a keys relation's column). */
  const keyIs = (keyOf: SqlFragment): SqlCondition => ({ sql: `${keySql} = ${keyOf.sql}`, params: keyOf.params });
  /** A group's bound condition, as a list of the conditions a window ANDs. */
  const boundOf = (group: Group): SqlCondition[] => (group.condition ? [group.condition] : []);
  /** The text columns of an ordering's exact datetime fields. */
  const textSelects = (fields: readonly string[]): SqlFragment[] => fields.map((field) => constant(textSelect(field)));
  /** Whether any group asks the probe, so a statement selects its column. */
  const asksProbe = (groups: readonly Group[]): boolean => groups.some((group) => group.probe !== undefined);

  /**
   * `case when exists (select 1 … where key = <keyOf> [and behind]) then 1 else 0 end`: the probe of
   * one group, an index seek of its own beside the window. Its rows are named `e` as the window's
   * are, so the condition reads them, not the window's.
   */
  const probeOf = async (group: Group, keyOf: SqlFragment): Promise<SqlFragment> => {
    if (group.probe === false || group.probe === undefined) return constant('0');
    const exists = await rows.query({ where: [keyIs(keyOf), ...(group.probe ? [group.probe] : [])], select: [constant('1')], only: true });
    return { sql: `case when exists (${exists.sql}) then 1 else 0 end`, params: exists.params };
  };
  /**
   * The probe column (`… as pw_beyond`) of rows of `groups`, each row answering its own group's
   * probe (`inGroup`: the SQL telling a row of the i-th group; a group that did not ask answers 0).
   */
  const probeSelect = async (
    groups: readonly Group[],
    keyOf: SqlFragment,
    inGroup: (group: Group, index: number) => SqlCondition = () => constant('1 = 1'),
  ): Promise<SqlFragment> => {
    const probes = await Promise.all(groups.map((group) => probeOf(group, keyOf)));
    const alias = `as ${quote(BEYOND)}`;
    if (probes.length === 1) return { sql: `${probes[0]!.sql} ${alias}`, params: probes[0]!.params };
    const branches = probes.map((probe, index) => {
      const test = inGroup(groups[index]!, index);
      return { sql: `when ${test.sql} then ${probe.sql}`, params: [...test.params, ...probe.params] };
    });
    return { sql: `case ${branches.map((branch) => branch.sql).join(' ')} else 0 end ${alias}`, params: branches.flatMap((b) => b.params) };
  };

  /** The SQL of a key's i-th bound value in its row of the keys relation (see `BoundSlots`). */
  const slotRef = (index: number): string =>
    kind === 'sqlite'
      ? `json_extract(${quote('pw_k')}.${quote('value')}, '$[${index + 2}]')`
      : `${quote('pw_keys')}.${quote(`pw_v${index}`)}`;
  /** The number of slots the groups' keys use. */
  const slotCount = (groups: readonly Group[]): number =>
    Math.max(0, ...groups.flatMap((group) => (group.values ?? []).map((values) => values.length)));

  /** `(key in (...) and bound) or ...`: which rows of which parents a statement may return. */
  const parentsCondition = (groups: readonly Group[]): SqlCondition => {
    const parts = groups.map(({ keys, condition }) => {
      const inList = `${keySql} in (${keys.map(() => '?').join(', ')})`;
      const values = keys.map(databaseKey);
      return condition
        ? { sql: `(${inList} and (${condition.sql}))`, params: [...values, ...condition.params] }
        : { sql: inList, params: values };
    });
    return { sql: parts.map((part) => part.sql).join(' or '), params: parts.flatMap((part) => part.params) };
  };

  /**
   * The rows of one parent's window inside a per-key subquery, parenthesized (`keyOf`: the key;
   * `groupOf`: its group's number): `(... where key = <key> [and group = i and bound_i] order by ...
   * limit n)`. The bounds read the key's own values from its slots, so every key of a group runs the
   * same branch, an index seek to its bound. Groups differ only in shape (which bound, which values
   * are NULL); with several, each has its branch, joined by `union all`, and a branch whose group is
   * not the key's is skipped before it scans (one `or` of the bounds would make every bound a filter).
   * Groups at different offsets are branches too, unless the caller reads the offset from the keys relation.
   */
  const perKeyWindow = async (
    groups: readonly Group[],
    keyOf: string,
    groupOf: string,
    shape: (group: Group) => Promise<Omit<SqlWindow, 'where'>>,
    offsetsApart = true,
  ): Promise<SqlFragment> => {
    const branch = async (group: Group, index: number | null): Promise<SqlFragment> => {
      const where = [keyIs(constant(keyOf)), ...(index === null ? [] : [constant(`${groupOf} = ${index}`)]), ...boundOf(group)];
      return rows.query({ ...(await shape(group)), where });
    };
    const alike = groups.every(
      (group) => group.condition === null && group.probe === undefined && (!offsetsApart || group.offset === groups[0]!.offset),
    );
    if (groups.length === 1 || alike) {
      const only = await branch(groups[0]!, null);
      return { sql: `(${only.sql})`, params: only.params };
    }
    const branches = await Promise.all(groups.map((group, index) => branch(group, index)));
    const union = branches.map((one, index) => `select * from (${one.sql}) as ${quote(`pw_g${index}`)}`).join(' union all ');
    return { sql: `(${union})`, params: branches.flatMap((one) => one.params) };
  };

  /**
   * Each parent's window `[offset, offset + limit)` in `ordering` (reversed for backward seeks), in
   * one statement of the source's strategy; rows come back grouped by parent name, with the answer
   * of the parent's probe when its group asks one (a parent without rows in its window has none).
   */
  const windows = async (
    groups: readonly Group[],
    ordering: readonly OrderingField[],
    reversed: boolean,
    offset: number,
    limit: number,
  ): Promise<Map<string, Window<T>>> => {
    const byParent = new Map<string, Window<T>>();
    if (groups.length === 0 || limit <= 0) return byParent;
    const order = orderBy(ordering, reversed);
    const textFields = textFieldsOf(ordering);
    const fields = ordering.map(({ field }) => field);
    const offsetOf = (group: Group): number => group.offset ?? offset;
    const sameOffset = groups.every((group) => offsetOf(group) === offsetOf(groups[0]!));
    const probing = asksProbe(groups);
    let statement: SqlFragment;
    if (strategy === 'lateral' && kind === 'sqlite') {
      // SQLite has no LATERAL; a join of the keys (json_each) to the rows whose key is among the
      // first n of their parent's, `pk in (select pk ... where key = k order by ... limit n)`, runs
      // that subquery once per key, an index seek each.
      const keysRef = quote('pw_k');
      // SQLite's OFFSET cannot read the outer row: groups at different offsets are branches.
      const keyOf = `json_extract(${keysRef}.${quote('value')}, '$[0]')`;
      const groupOf = `json_extract(${keysRef}.${quote('value')}, '$[1]')`;
      const inner = await perKeyWindow(groups, keyOf, groupOf, (group) =>
        Promise.resolve({
          select: [constant(`${quote(BATCH_ALIAS)}.${quote(primaryColumn())}`)],
          only: true,
          orderBy: order,
          limit,
          offset: offsetOf(group),
        }),
      );
      // [key, group, bound values...]; SQLite's values are plain JSON (dates are numbers there).
      const pairs = groups.flatMap((group, index) => group.keys.map((key, at) => [databaseKey(key), index, ...(group.values?.[at] ?? [])]));
      // The probe reads the key, its group and its bound values from the keys relation, as the window does.
      const probe = probing ? [await probeSelect(groups, constant(keyOf), (_group, index) => constant(`${groupOf} = ${index}`))] : [];
      const page = rows.relation('pw_page');
      const selects = [...page.select.map(constant), ...probe];
      statement = {
        sql:
          `select ${selects.map((select) => select.sql).join(', ')} from json_each(?) as ${keysRef} ` +
          `join ${page.from.sql} on ${quote('pw_page')}.${quote(primaryColumn())} in ${inner.sql} ` +
          `order by ${resultOrder(ordering, reversed, 'pw_page')}`,
        params: [...selects.flatMap((select) => select.params), jsonKeys(pairs), ...page.from.params, ...inner.params],
      };
    } else if (strategy === 'lateral') {
      // One subquery per key, each `... where key = k [and its group's bound] order by ... limit n`:
      // an index seek. Each key carries its group's number, so no subquery scans a list of keys.
      const keysRef = quote('pw_keys');
      const parentRef = `${keysRef}.${quote(PARENT)}`;
      // Offsets that differ by parent come from the keys relation, as bounds do.
      const inner = await perKeyWindow(
        groups,
        parentRef,
        `${keysRef}.${quote('pw_group')}`,
        async (group) => ({
          select: [...textSelects(textFields), ...(probing ? [await probeSelect([group], constant(parentRef))] : [])],
          fields,
          orderBy: order,
          limit,
          offset: sameOffset ? offsetOf(groups[0]!) : `${keysRef}.${quote('pw_offset')}`,
        }),
        false,
      );
      const keys = groups.flatMap((group) => group.keys.map(keyName));
      const numbers = groups.flatMap((group, index) => group.keys.map(() => index));
      // Each slot a text column, its values read back through a cast to their column's type.
      const slots = Array.from({ length: slotCount(groups) }, (_, slot) =>
        groups.flatMap((group) => group.keys.map((_key, at) => group.values?.[at]?.[slot] ?? null)),
      );
      const keyType = keyProp.type === '' ? 'text' : keyProp.type;
      const list = (count: number, item = '?') => Array.from({ length: count }, () => item).join(', ');
      const offsets = sameOffset ? [] : groups.flatMap((group) => group.keys.map(() => offsetOf(group)));
      const arrays = [
        `array[${list(keys.length)}]::${keyType}[]`,
        `array[${list(numbers.length)}]::int[]`,
        ...(sameOffset ? [] : [`array[${list(offsets.length)}]::int[]`]),
        ...slots.map((values) => `array[${list(values.length, 'cast(? as text)')}]::text[]`),
      ];
      const columns = [
        quote(PARENT),
        quote('pw_group'),
        ...(sameOffset ? [] : [quote('pw_offset')]),
        ...slots.map((_, slot) => quote(`pw_v${slot}`)),
      ];
      statement = {
        sql:
          `select ${quote('pw_page')}.* from unnest(${arrays.join(', ')}) as ${keysRef}(${columns.join(', ')}) ` +
          `cross join lateral ${inner.sql} as ${quote('pw_page')} order by ${resultOrder(ordering, reversed, 'pw_page')}`,
        params: [...keys, ...numbers, ...offsets, ...slots.flat(), ...inner.params],
      };
    } else if (strategy === 'union') {
      // One branch per key, `select * from (... where key = k [and bound] order by ... limit n) as b`,
      // each an index seek; a group's branch is compiled once and bound to each of its keys.
      const branches: string[] = [];
      const params: unknown[] = [];
      for (const group of groups) {
        const template = await rows.query({
          where: [keyIs({ sql: '?', params: [KEY_SLOT] }), ...boundOf(group)],
          select: [...textSelects(textFields), ...(probing ? [await probeSelect([group], { sql: '?', params: [KEY_SLOT] })] : [])],
          fields,
          orderBy: order,
          limit,
          offset: offsetOf(group),
        });
        for (const key of group.keys) {
          branches.push(`select * from (${template.sql}) as ${quote(`pw_b${branches.length}`)}`);
          params.push(...template.params.map((value) => (value === KEY_SLOT ? databaseKey(key) : value)));
        }
      }
      const chunks: string[] = [];
      for (let start = 0; start < branches.length; start += UNION_CHUNK)
        chunks.push(branches.slice(start, start + UNION_CHUNK).join(' union all '));
      const body =
        chunks.length === 1
          ? chunks[0]!
          : chunks.map((chunk, index) => `select * from (${chunk}) as ${quote(`pw_c${index}`)}`).join(' union all ');
      statement = { sql: `${body} order by ${resultOrder(ordering, reversed)}`, params };
    } else {
      const inner = await rows.query({
        where: [parentsCondition(groups)],
        fields,
        select: [
          ...textSelects(textFields),
          constant(`row_number() over (partition by ${keySql} order by ${order}) as ${quote(ROW_NUMBER)}`),
        ],
      });
      // Each group's rows between its offset and offset + limit (row numbers count from 1).
      const ranges = groups.map((group) => ({
        sql: `(${sameOffset ? '' : `${quote(keyColumn)} in (${group.keys.map(() => '?').join(', ')}) and `}${quote(ROW_NUMBER)} > ? and ${quote(ROW_NUMBER)} <= ?)`,
        params: [...(sameOffset ? [] : group.keys.map(databaseKey)), offsetOf(group), offsetOf(group) + limit],
      }));
      const kept = sameOffset ? ranges.slice(0, 1) : ranges;
      // The probe runs on the rows kept, each reading its own key and its group's bound.
      const windowKey = `${quote('pw_w')}.${quote(keyColumn)}`;
      const probe = probing
        ? [
            await probeSelect(groups, constant(windowKey), (group) => ({
              sql: `${windowKey} in (${group.keys.map(() => '?').join(', ')})`,
              params: group.keys.map(databaseKey),
            })),
          ]
        : [];
      const selects = [constant('*'), ...probe];
      statement = {
        sql:
          `select ${selects.map((select) => select.sql).join(', ')} from (${inner.sql}) as ${quote('pw_w')} ` +
          `where ${kept.map((range) => range.sql).join(' or ')} order by ${quote(keyColumn)} asc, ${quote(ROW_NUMBER)} asc`,
        params: [...selects.flatMap((select) => select.params), ...inner.params, ...kept.flatMap((range) => range.params)],
      };
    }
    const raw = await rows.execute('page', statement);
    const parentOf = raw.map((row) => keyName(row[keyColumn]));
    const beyondOf = raw.map((row) => flagged(row[BEYOND]));
    const page = await rows.hydrate(raw, textFields, [ROW_NUMBER, BEYOND]);
    page.forEach((row, index) => {
      const name = parentOf[index]!;
      let window = byParent.get(name);
      if (!window) {
        window = probing ? { rows: [], beyond: beyondOf[index]! } : { rows: [] };
        byParent.set(name, window);
      }
      window.rows.push(row);
    });
    return byParent;
  };

  return {
    uniqueKey,
    nullOrder: dialect.nullOrder,
    fieldType,
    valueOf,
    async countMany(keys) {
      if (keys.length === 0) return [];
      const query = await rows.query({
        where: [parentsCondition([{ keys: distinctKeys(keys), condition: null }])],
        select: [constant(`${keySql} as ${quote(PARENT)}`), constant(`count(*) as ${quote(COUNT)}`)],
        only: true,
        groupBy: keySql,
      });
      const raw = await rows.execute('count', query);
      const counts = new Map(raw.map((row) => [keyName(row[PARENT]), Number(row[COUNT])]));
      return keys.map((key) => counts.get(keyName(key)) ?? 0);
    },
    async sliceMany(keys, offset, limit, ordering) {
      const found = await windows([{ keys: distinctKeys(keys), condition: null }], sliceOrder(ordering), false, offset, limit);
      return keys.map((key) => found.get(keyName(key))?.rows ?? []);
    },
    async sliceEach(slices, limit, ordering) {
      // Rows come back by parent (the key's text), so a parent asked at two offsets (`1` and `'1'` name
      // one parent) goes into a further statement; so do offsets beyond SQLITE_GROUPS on SQLite.
      const statements: Array<{ readonly groups: Map<number, ParentKey[]>; readonly names: Map<string, number> }> = [];
      const placed = slices.map(({ key, offset }) => {
        const name = keyName(key);
        let index = statements.findIndex(({ groups, names }) =>
          names.has(name) ? names.get(name) === offset : groups.has(offset) || kind !== 'sqlite' || groups.size < SQLITE_GROUPS,
        );
        if (index < 0) {
          index = statements.length;
          statements.push({ groups: new Map(), names: new Map() });
        }
        const { groups, names } = statements[index]!;
        if (!names.has(name)) {
          names.set(name, offset);
          groups.set(offset, [...(groups.get(offset) ?? []), key]);
        }
        return index;
      });
      const found = await Promise.all(
        statements.map(({ groups }) =>
          windows(
            [...groups].map(([offset, keys]) => ({ keys, condition: null, offset })),
            sliceOrder(ordering),
            false,
            0,
            limit,
          ),
        ),
      );
      return slices.map(({ key }, index) => found[placed[index]!]!.get(keyName(key))?.rows ?? []);
    },
    async seekMany(requests: readonly KeyedSeek<ParentKey>[]): Promise<readonly SeekResult<T>[]> {
      const shape = requests[0]?.request;
      if (!shape) return [];
      const ordering = checked(shape.ordering);
      const reversed = shape.direction === 'backward';
      interface Asked {
        readonly index: number;
        readonly key: ParentKey;
        readonly condition: SqlCondition | null;
        readonly probe?: SqlCondition | null | false;
        readonly values: unknown[];
      }
      // Rows come back by parent, so a parent asked twice (two windows) goes into a further statement.
      const rounds: Asked[][] = [];
      const asked = new Map<string, number>();
      const results: SeekResult<T>[] = requests.map(() => ({ rows: [] }));
      requests.forEach(({ key, request }, index) => {
        // LATERAL reads each parent's bound values from its row of the keys relation, so parents
        // paged from different cursors share one condition (and one index seek each).
        const slots: BoundSlots | undefined = strategy === 'lateral' ? { ref: slotRef, values: [] } : undefined;
        const conditions = seekConditions(ordering, request, slots);
        // As the single source: a window no row can meet leaves the probe unasked.
        if (!conditions) return;
        // The probe (is any row behind the bound the page starts from?) as the single source answers it:
        // the bound's own row or one beyond it, the other bound aside; its values go in slots too.
        const start = request.probe ? (reversed ? request.before : request.after) : undefined;
        const behind =
          start?.kind === 'key'
            ? seekConditions(ordering, reversed ? { after: start } : { before: start }, slots, reversed ? 'after' : 'before')
            : undefined;
        const times = asked.get(keyName(key)) ?? 0;
        asked.set(keyName(key), times + 1);
        (rounds[times] ??= []).push({
          index,
          key,
          condition: allOf(conditions),
          ...(behind === undefined ? {} : { probe: behind === null ? false : allOf(behind) }),
          values: slots?.values ?? [],
        });
      });
      /** The parents of a round in groups of one condition (and probe), each key with its slot values. */
      const grouped = (round: readonly Asked[], probing: boolean): Group[] => {
        const groups = new Map<
          string,
          { keys: ParentKey[]; condition: SqlCondition | null; probe?: SqlCondition | null | false; values: unknown[][] }
        >();
        for (const { key, condition, probe, values } of round) {
          const [where, behind] = probing ? [probe || null, undefined] : [condition, probe];
          const name = `${where ? signature(where) : ''}\u0001${behind ? signature(behind) : String(behind)}`;
          let group = groups.get(name);
          if (!group) {
            group = { keys: [], condition: where, ...(behind === undefined ? {} : { probe: behind }), values: [] };
            groups.set(name, group);
          }
          group.keys.push(key);
          group.values.push(values);
        }
        return [...groups.values()];
      };
      await Promise.all(
        rounds.map(async (round) => {
          const found = await windows(grouped(round, false), ordering, reversed, shape.offset, shape.limit);
          // A parent whose window came back empty has no row to carry its probe's answer: one more
          // statement asks those parents, each for one row behind its bound (none when nothing can be).
          const unanswered = round.filter(({ key, probe }) => probe !== undefined && probe !== false && !found.has(keyName(key)));
          const behind =
            unanswered.length === 0 ? new Map<string, Window<T>>() : await windows(grouped(unanswered, true), ordering, !reversed, 0, 1);
          for (const { index, key, probe } of round) {
            const window = found.get(keyName(key));
            const rows = window?.rows ?? [];
            results[index] =
              probe === undefined ? { rows } : { rows, beyond: window?.beyond ?? (probe !== false && behind.has(keyName(key))) };
          }
        }),
      );
      return results;
    },
  };
}
