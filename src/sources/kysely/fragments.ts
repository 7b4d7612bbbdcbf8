import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import { assertConfig } from '../../core/internal';
import type { SqlDialect } from '../sql/dialect';
import { windowStatement, type SqlFragment, type SqlWindow } from '../sql/window';

/**
 * A fragment of the SQL strategies (`?` placeholders) as Kysely SQL: its text verbatim, each
 * parameter a bound value, so Kysely numbers them as its dialect does (`$1` on PostgreSQL).
 */
export function kyselySql<R = unknown>(fragment: SqlFragment): RawBuilder<R> {
  const pieces = fragment.sql.split('?');
  assertConfig(pieces.length === fragment.params.length + 1, 'a SQL fragment has as many `?` as parameters');
  // One raw node with its parameters, as the `sql` tag makes of a template (a node per piece cost
  // Kysely a freeze and a visit each: a fifth of a seek's own time).
  const strings = Object.assign([...pieces], { raw: pieces }) as unknown as TemplateStringsArray;
  return sql<R>(strings, ...fragment.params);
}

/**
 * The statement of `window` over the user's compiled query, compiled: the query's SQL verbatim (its
 * own `?` and `$n` untouched, as Kysely nests a subquery), the window's placeholders numbered after
 * its parameters on PostgreSQL and in text order elsewhere. Written as text, not through the
 * builder: its frozen node per clause and the compile pass were most of a seek's own time.
 */
export function compiledWindow(own: CompiledQuery, window: SqlWindow, dialect: SqlDialect, alias: string): CompiledQuery {
  const postgres = dialect.name === 'postgresql';
  // PostgreSQL binds by number, in any textual order: the query keeps its $1..$k, each use of it too.
  const params: unknown[] = postgres ? [...own.parameters] : [];
  let sql = '';
  for (const part of windowStatement(null, alias, window, dialect.quote)) {
    if (part === null) {
      sql += `(${own.sql})`;
      if (!postgres) params.push(...own.parameters);
    } else {
      let next = params.length;
      sql += postgres ? part.sql.replace(/\?/g, () => `$${(next += 1)}`) : part.sql;
      params.push(...part.params);
    }
  }
  return CompiledQuery.raw(sql, params);
}

/**
 * A compiled Kysely query as a fragment of the strategies: PostgreSQL's `$n` placeholders become
 * `?` with their parameters in that order (Kysely numbers each parameter once, in order).
 */
export function compiledFragment(compiled: CompiledQuery, dialect: SqlDialect): SqlFragment {
  if (dialect.name !== 'postgresql') return { sql: compiled.sql, params: [...compiled.parameters] };
  const params: unknown[] = [];
  const text = compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
    params.push(compiled.parameters[Number(n) - 1]);
    return '?';
  });
  return { sql: text, params };
}

const dialects = new WeakMap<object, SqlDialect['name']>();

/**
 * The SQL family of a Kysely instance, told by how it compiles `select ? as "pw"`: `$1` is
 * PostgreSQL, backticks are MySQL/MariaDB, `?` with double quotes SQLite; any other (MSSQL, a
 * third-party dialect) is a PaginationConfigError naming the `dialect` option.
 */
export function kyselyDialectName(db: Kysely<never>): SqlDialect['name'] {
  let name = dialects.get(db);
  if (name === undefined) {
    const { sql: text } = db.selectNoFrom(sql<number>`${1}`.as('pw')).compile();
    const told = text.includes('$1')
      ? 'postgresql'
      : text.includes('`')
        ? 'mysql'
        : text.includes('?') && text.includes('"')
          ? 'sqlite'
          : null;
    assertConfig(
      told,
      `the Kysely instance compiles \`${text}\`, which is no dialect pagewise knows: give the \`dialect\` option ('postgresql', 'mysql', 'mariadb' or 'sqlite')`,
    );
    name = told;
    // Sources are made per request over one long-lived instance: told once.
    dialects.set(db, name);
  }
  return name;
}
