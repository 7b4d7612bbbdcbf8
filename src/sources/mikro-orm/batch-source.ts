import type { EntityMetadata, EntityName } from '@mikro-orm/core';
import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import { assertConfig, keyText, type BatchPageSource, type KeyedSeek, type OrderingField, type SeekResult } from '../../core/internal';
import { entityOrdering, type BoundSlots } from './entity-ordering';
import { entityRows } from './entity-rows';
import { orderingProperty } from './field-types';
import type { SqlCondition } from './keyset';
import type { MikroOrmSourceOptions } from './source-options';
import { platformKind } from './platform';
import { applyWindow, rawSql, type QueryWindow } from './query-window';

/** A parent's key as the batch source takes it: the primary key value of the parent row. */
export type ParentKey = string | number | bigint;

/** How {@link mikroOrmBatchSource} puts the windows of many parents into one statement. */
export type BatchStrategy = 'union' | 'lateral' | 'window';

/** Options of {@link mikroOrmBatchSource}: those of `mikroOrmSource`, plus the parent key. */
export interface MikroOrmBatchSourceOptions<T extends object> extends MikroOrmSourceOptions<T> {
  /**
   * The property naming each row's parent: a many-to-one relation (`author`) or a scalar column
   * (`authorId`). Pages are windows per value of its column; `where` and `filters` apply besides it.
   */
  readonly key: string;
  /**
   * How the windows of a batch are asked, always in one statement: `union` (`(… where key = k1 order
   * by … limit n) union all (…)`, each an index seek; the default on SQLite and MariaDB), `lateral`
   * (PostgreSQL only, and its default: a LATERAL subquery per key, each an index seek) or `window`
   * (ROW_NUMBER() OVER (PARTITION BY key ORDER BY …), which reads every row of every parent: fine
   * for parents with few rows, slow for parents with many).
   */
  readonly strategy?: BatchStrategy;
}

const ALIAS = 'e';
const ROW_NUMBER = 'pw_rn';
const PARENT = 'pw_key';
const COUNT = 'pw_count';
/** The column of a page's rows answering its parent's probe (1: a row lies behind the bound). */
const BEYOND = 'pw_beyond';
/** Stands for the parent's key in a union branch's bindings until each branch gets its own. */
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

/**
 * A BatchPageSource over an entity, for a paginated field under a list of parents: the pages of all
 * parents are one SQL statement (per-parent index seeks, each with its own keyset bound; see
 * {@link BatchStrategy}), their counts one `COUNT(*) ... GROUP BY key`. A page from a cursor tells
 * whether a row lies behind it, as `mikroOrmSource` does, from an EXISTS beside each parent's window
 * (one more statement only for parents whose window is empty). Parent keys compare as text (`1` and
 * `'1'` are one parent). Give it a request-scoped (forked) EntityManager.
 */
export function mikroOrmBatchSource<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  options: MikroOrmBatchSourceOptions<T>,
): BatchPageSource<ParentKey, T> {
  const meta = em.getMetadata(entity) as EntityMetadata<T>;
  const platform = em.getPlatform();
  const kind = platformKind(platform);
  const keyProp = Object.prototype.hasOwnProperty.call(meta.properties, options.key)
    ? meta.properties[options.key as keyof typeof meta.properties]
    : undefined;
  assertConfig(keyProp, `unknown key property ${JSON.stringify(options.key)} on ${meta.className}`);
  assertConfig(keyProp.fieldNames?.length === 1, `key property ${JSON.stringify(options.key)} on ${meta.className} must be one column`);
  const lateralKind = kind === 'postgresql' || (kind === 'sqlite' && meta.primaryKeys.length === 1);
  const strategy: BatchStrategy = options.strategy ?? (lateralKind ? 'lateral' : 'union');
  assertConfig(['union', 'lateral', 'window'].includes(strategy), `strategy must be "union", "lateral" or "window"`);
  assertConfig(strategy !== 'lateral' || lateralKind, 'strategy "lateral" needs PostgreSQL, or SQLite with a single-column primary key');
  const keyColumn = keyProp.fieldNames[0]!;
  const quote = (name: string): string => platform.quoteIdentifier(name);
  const keySql = quote(`${ALIAS}.${keyColumn}`);
  const { dialect, uniqueKey, fieldType, checked, sliceOrder, orderBy, seekConditions, textFieldsOf, textSelect, valueOf } = entityOrdering(
    meta,
    platform,
    ALIAS,
    options,
  );
  const rows = entityRows<T>(em, entity, meta, options);

  /**
   * The order of a statement's result: by parent, then the page's order, by the columns' plain names
   * (as a union's or a derived table's rows are named), so no dialect is trusted to keep subquery order.
   */
  const resultOrder = (ordering: readonly OrderingField[], reversed: boolean, table?: string): string =>
    [
      { column: keyColumn, direction: 'asc' },
      ...ordering.map(({ field, descending }) => ({
        column: orderingProperty(meta, field).fieldNames[0]!,
        direction: descending !== reversed ? 'desc' : 'asc',
      })),
    ]
      .map(({ column, direction }) => `${table ? `${quote(table)}.` : ''}${quote(column)} ${direction}`)
      .join(', ');
  /**
   * The rows a page is taken from, each once: a filter on a collection joins it and would repeat
   * rows (and so shift every window), so then the filter becomes `pk in (select distinct pk ...)`.
   * Boxed, as a knex builder is thenable too.
   */
  const rowsQuery = async (ordering: readonly OrderingField[] = []): Promise<{ readonly query: Knex.QueryBuilder }> => {
    // A projection (`fields`) keeps the parent key and the ordering's fields, which cursors read.
    const { qb, joins } = await rows.filtered(ALIAS, ordering, [options.key]);
    if (!joins()) return { query: qb.getKnexQuery() };
    assertConfig(uniqueKey.length === 1, `a filter on a collection of ${meta.className} needs a single-column primary key to batch`);
    const { qb: matching } = await rows.filtered('pw_f');
    matching.select(uniqueKey as never, true);
    const outer = em.createQueryBuilder(entity, ALIAS) as unknown as QueryBuilder<T>;
    return { query: outer.where({ [uniqueKey[0]!]: { $in: matching.getKnexQuery() } } as never).getKnexQuery() };
  };
  const primaryColumn = (): string => orderingProperty(meta, uniqueKey[0]!).fieldNames[0]!;
  const knex = em.getKnex();

  /**
   * The entity's formula properties over `alias`, as MikroORM selects them beside `alias.*` (eager
   * ones only), for a statement that reads the table itself rather than the filtered builder.
   */
  const formulaSelects = (alias: string): string[] => {
    const quoted = quote(alias);
    const table = { alias: quoted, name: meta.tableName, qualifiedName: meta.tableName, toString: () => quoted };
    const columns = meta.createColumnMappingObject();
    return meta.props
      .filter((prop) => prop.formula && !prop.lazy)
      .map((prop) => `${prop.formula!(table as never, columns as never)} as ${quote(prop.fieldNames[0]!)}`);
  };

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

  /**
   * `case when exists (select 1 … where key = <keyOf> [and behind]) then 1 else 0 end`: the probe of
   * one group, an index seek of its own beside the window. Its rows are named `e` as the window's
   * are, so the condition reads them, not the window's.
   */
  const probeOf = async (group: Group, keyOf: SqlCondition): Promise<Knex.Sql> => {
    if (group.probe === false || group.probe === undefined) return knex.raw('0').toSQL();
    const { query } = await rowsQuery();
    const exists = applyWindow(knex, query, {
      where: [keyIs(keyOf), ...(group.probe ? [group.probe] : [])],
      select: [knex.raw('1')],
      only: true,
    });
    return rawSql(knex, 'case when exists ? then 1 else 0 end', [exists]).toSQL();
  };
  /**
   * The probe column (`… as pw_beyond`) of rows of `groups`, each row answering its own group's
   * probe (`inGroup`: the SQL telling a row of the i-th group; a group that did not ask answers 0).
   * Boxed, as a knex raw is thenable too.
   */
  const probeSelect = async (
    groups: readonly Group[],
    keyOf: SqlCondition,
    inGroup: (group: Group, index: number) => SqlCondition = () => ({ sql: '1 = 1', params: [] }),
  ): Promise<{ readonly select: Knex.Raw }> => {
    const probes = await Promise.all(groups.map((group) => probeOf(group, keyOf)));
    const alias = `as ${quote(BEYOND)}`;
    if (probes.length === 1) return { select: rawSql(knex, `${probes[0]!.sql} ${alias}`, probes[0]!.bindings) };
    const branches = probes.map((probe, index) => {
      const test = inGroup(groups[index]!, index);
      return { sql: `when ${test.sql} then ${probe.sql}`, bindings: [...test.params, ...probe.bindings] };
    });
    return {
      select: rawSql(
        knex,
        `case ${branches.map((branch) => branch.sql).join(' ')} else 0 end ${alias}`,
        branches.flatMap((branch) => branch.bindings),
      ),
    };
  };

  /** The rows of one parent: its key column equal to `keyOf` (a parameter, or a keys relation's column). */
  const keyIs = (keyOf: SqlCondition): SqlCondition => ({ sql: `${keySql} = ${keyOf.sql}`, params: keyOf.params });
  /** A group's bound condition, as a list of the conditions a window ANDs. */
  const boundOf = (group: Group): SqlCondition[] => (group.condition ? [group.condition] : []);
  /** The text columns of an ordering's exact datetime fields. */
  const textSelects = (fields: readonly string[]): Knex.Raw[] => fields.map((field) => knex.raw(textSelect(field)));

  /** Whether any group asks the probe, so a statement selects its column. */
  const asksProbe = (groups: readonly Group[]): boolean => groups.some((group) => group.probe !== undefined);

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
   * The rows of one parent's window inside a per-key subquery (`keyOf`: the key; `groupOf`: its
   * group's number): `... where key = <key> [and group = i and bound_i] order by ... limit n`.
   * The bounds read the key's own values from its slots, so every key of a group runs the same branch,
   * an index seek to its bound. Groups differ only in shape (which bound, which values are NULL); with
   * several, each has its branch, joined by `union all`, and a branch whose group is not the key's
   * is skipped before it scans (one `or` of the bounds would make every bound a filter). Groups at
   * different offsets are branches too, unless the caller reads the offset from the keys relation.
   */
  const perKeyWindow = async (
    groups: readonly Group[],
    keyOf: string,
    groupOf: string,
    shape: (group: Group) => Promise<Omit<QueryWindow, 'where'>>,
    offsetsApart = true,
    ordering: readonly OrderingField[] = [],
  ): Promise<{ readonly query: Knex.Raw | Knex.QueryBuilder }> => {
    // Boxed: a knex builder is thenable, so an async function must not return one bare.
    const branch = async (group: Group, index: number | null): Promise<{ readonly query: Knex.QueryBuilder }> => {
      const { query: inner } = await rowsQuery(ordering);
      const where = [
        keyIs({ sql: keyOf, params: [] }),
        ...(index === null ? [] : [{ sql: `${groupOf} = ${index}`, params: [] }]),
        ...boundOf(group),
      ];
      return { query: applyWindow(knex, inner, { ...(await shape(group)), where }) };
    };
    const alike = groups.every(
      (group) => group.condition === null && group.probe === undefined && (!offsetsApart || group.offset === groups[0]!.offset),
    );
    if (groups.length === 1 || alike) return branch(groups[0]!, null);
    const branches = (await Promise.all(groups.map((group, index) => branch(group, index)))).map((boxed) => boxed.query);
    // Parenthesized as a builder binding is, so callers write `?` either way.
    const union = branches.map((_, index) => `select * from ? as ${quote(`pw_g${index}`)}`).join(' union all ');
    return { query: rawSql(knex, `(${union})`, branches) };
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
    const offsetOf = (group: Group): number => group.offset ?? offset;
    const sameOffset = groups.every((group) => offsetOf(group) === offsetOf(groups[0]!));
    const probing = asksProbe(groups);
    let query;
    if (strategy === 'lateral' && kind === 'sqlite') {
      // SQLite has no LATERAL; a join of the keys (json_each) to the rows whose key is among the
      // first n of their parent's, `pk in (select pk ... where key = k order by ... limit n)`, runs
      // that subquery once per key, an index seek each.
      const keysRef = quote('pw_k');
      // SQLite's OFFSET cannot read the outer row: groups at different offsets are branches.
      const keyOf = `json_extract(${keysRef}.${quote('value')}, '$[0]')`;
      const groupOf = `json_extract(${keysRef}.${quote('value')}, '$[1]')`;
      const { query: inner } = await perKeyWindow(groups, keyOf, groupOf, (group) =>
        Promise.resolve({
          select: [knex.raw(quote(`${ALIAS}.${primaryColumn()}`))],
          only: true,
          orderBy: order,
          limit,
          offset: offsetOf(group),
        }),
      );
      // [key, group, bound values...]; SQLite's values are plain JSON (dates are numbers there).
      const pairs = groups.flatMap((group, index) => group.keys.map((key, at) => [databaseKey(key), index, ...(group.values?.[at] ?? [])]));
      // The probe reads the key, its group and its bound values from the keys relation, as the window does.
      const probe = probing
        ? [
            (await probeSelect(groups, { sql: keyOf, params: [] }, (_group, index) => ({ sql: `${groupOf} = ${index}`, params: [] })))
              .select,
          ]
        : [];
      query = knex
        .select(knex.raw(`${quote('pw_page')}.*`), ...formulaSelects('pw_page').map((select) => knex.raw(select)), ...probe)
        .from(knex.raw(`json_each(?) as ${keysRef}`, [JSON.stringify(pairs)]))
        .joinRaw(`join ${quote(meta.tableName)} as ${quote('pw_page')} on ${quote(`pw_page.${primaryColumn()}`)} in ?`, [
          rawSql(knex, '?', [inner]),
        ])
        .orderByRaw(resultOrder(ordering, reversed, 'pw_page'));
    } else if (strategy === 'lateral') {
      // One subquery per key, each `... where key = k [and its group's bound] order by ... limit n`:
      // an index seek. Each key carries its group's number, so no subquery scans a list of keys.
      const keysRef = quote('pw_keys');
      // Offsets that differ by parent come from the keys relation, as bounds do.
      const { query: inner } = await perKeyWindow(
        groups,
        `${keysRef}.${quote(PARENT)}`,
        `${keysRef}.${quote('pw_group')}`,
        async (group) => ({
          select: [
            ...textSelects(textFields),
            ...(probing ? [(await probeSelect([group], { sql: `${keysRef}.${quote(PARENT)}`, params: [] })).select] : []),
          ],
          orderBy: order,
          limit,
          offset: sameOffset ? offsetOf(groups[0]!) : `${keysRef}.${quote('pw_offset')}`,
        }),
        false,
        ordering,
      );
      const keys = groups.flatMap((group) => group.keys.map(keyName));
      const numbers = groups.flatMap((group, index) => group.keys.map(() => index));
      // Each slot a text column, its values read back through a cast to their column's type.
      const slots = Array.from({ length: slotCount(groups) }, (_, slot) =>
        groups.flatMap((group) => group.keys.map((_key, at) => group.values?.[at]?.[slot] ?? null)),
      );
      const keyType = keyProp.columnTypes?.[0] ?? 'text';
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
      query = knex
        .select(knex.raw(`${quote('pw_page')}.*`))
        .from(
          rawSql(knex, `unnest(${arrays.join(', ')}) as ${keysRef}(${columns.join(', ')})`, [
            ...keys,
            ...numbers,
            ...offsets,
            ...slots.flat(),
          ]),
        )
        .joinRaw(`cross join lateral ? as ${quote('pw_page')}`, [rawSql(knex, '?', [inner])])
        .orderByRaw(resultOrder(ordering, reversed, 'pw_page'));
    } else if (strategy === 'union') {
      // One branch per key, `select * from (... where key = k [and bound] order by ... limit n) as b`,
      // each an index seek; a group's branch is compiled once and bound to each of its keys.
      const branches: string[] = [];
      const bindings: unknown[] = [];
      for (const group of groups) {
        const { query: rowsOf } = await rowsQuery(ordering);
        const inner = applyWindow(knex, rowsOf, {
          where: [keyIs({ sql: '?', params: [KEY_SLOT] }), ...boundOf(group)],
          select: [...textSelects(textFields), ...(probing ? [(await probeSelect([group], { sql: '?', params: [KEY_SLOT] })).select] : [])],
          orderBy: order,
          limit,
          offset: offsetOf(group),
        });
        const template = inner.toSQL();
        for (const key of group.keys) {
          branches.push(`select * from (${template.sql}) as ${quote(`pw_b${branches.length}`)}`);
          bindings.push(...template.bindings.map((value) => (value === KEY_SLOT ? databaseKey(key) : value)));
        }
      }
      const chunks: string[] = [];
      for (let start = 0; start < branches.length; start += UNION_CHUNK)
        chunks.push(branches.slice(start, start + UNION_CHUNK).join(' union all '));
      const body =
        chunks.length === 1
          ? chunks[0]!
          : chunks.map((chunk, index) => `select * from (${chunk}) as ${quote(`pw_c${index}`)}`).join(' union all ');
      query = rawSql(knex, `${body} order by ${resultOrder(ordering, reversed)}`, bindings);
    } else {
      const parents = parentsCondition(groups);
      const { query: rowsOf } = await rowsQuery(ordering);
      const inner = applyWindow(knex, rowsOf, {
        where: [parents],
        select: [
          ...textSelects(textFields),
          knex.raw(`row_number() over (partition by ${keySql} order by ${order}) as ${quote(ROW_NUMBER)}`),
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
            (
              await probeSelect(groups, { sql: windowKey, params: [] }, (group) => ({
                sql: `${windowKey} in (${group.keys.map(() => '?').join(', ')})`,
                params: group.keys.map(databaseKey),
              }))
            ).select,
          ]
        : [];
      query = knex
        .select('*', ...probe)
        .from(inner.as('pw_w'))
        .whereRaw(
          rawSql(
            knex,
            kept.map((range) => range.sql).join(' or '),
            kept.flatMap((range) => range.params),
          ),
        )
        .orderBy([keyColumn, ROW_NUMBER]);
    }
    const raw = await rows.execute('page', query);
    const parentOf = raw.map((row) => keyName(row[keyColumn]));
    const beyondOf = raw.map((row) => flagged(row[BEYOND]));
    for (const row of raw) {
      delete row[ROW_NUMBER];
      delete row[BEYOND];
    }
    const page = await rows.populate(await rows.hydrate(raw, textFields));
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
      const parents = parentsCondition([{ keys: distinctKeys(keys), condition: null }]);
      const query = applyWindow(knex, (await rowsQuery()).query, {
        where: [parents],
        select: [knex.raw(`${keySql} as ${quote(PARENT)}`), knex.raw(`count(*) as ${quote(COUNT)}`)],
        only: true,
      }).groupByRaw(keySql);
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
      /** Conditions ANDed into one, null when none (trivial). */
      const joined = (conditions: readonly SqlCondition[]): SqlCondition | null =>
        conditions.length === 0
          ? null
          : conditions.length === 1
            ? conditions[0]!
            : { sql: conditions.map((part) => `(${part.sql})`).join(' and '), params: conditions.flatMap((part) => part.params) };
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
          condition: joined(conditions),
          ...(behind === undefined ? {} : { probe: behind === null ? false : joined(behind) }),
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
