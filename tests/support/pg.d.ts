// The part of node-postgres (`pg`) the Kysely and Drizzle tests and bench use, and that
// drizzle-orm/node-postgres names in its types: pg ships no types and @types/pg is not installed.
declare module 'pg' {
  export interface QueryResultRow {
    [column: string]: unknown;
  }
  export interface QueryResult<R extends QueryResultRow = QueryResultRow> {
    readonly rows: R[];
    readonly rowCount: number | null;
  }
  export interface ClientConfig {
    readonly [option: string]: unknown;
    readonly host?: string;
    readonly port?: number;
    readonly user?: string;
    readonly database?: string;
    /** Startup options, e.g. `-c search_path=...`. */
    readonly options?: string;
    readonly connectionTimeoutMillis?: number;
  }
  export interface PoolConfig extends ClientConfig {
    readonly max?: number;
  }
  export class Client {
    constructor(config?: ClientConfig);
    connect(): Promise<void>;
    query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
  }
  export interface PoolClient extends Client {
    release(destroy?: boolean): void;
  }
  export class Pool {
    constructor(config?: PoolConfig);
    connect(): Promise<PoolClient>;
    query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    end(): Promise<void>;
  }
  const pg: { readonly Pool: typeof Pool; readonly Client: typeof Client };
  export default pg;
}
