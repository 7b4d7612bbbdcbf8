// The part of pg (which ships no types, and @types/pg is not installed) the Kysely tests and bench use.
declare module 'pg' {
  /** A pg connection pool, as Kysely's PostgresDialect takes it. */
  export class Pool {
    constructor(config: Readonly<Record<string, unknown>>);
    query(text: string): Promise<{ rows: unknown[] }>;
    end(): Promise<void>;
  }
}
