/** MikroORM options that bound how long reaching the database may take. */
export interface ConnectTimeoutOptions {
  readonly pool: { readonly acquireTimeoutMillis: number };
  readonly driverOptions: {
    readonly acquireConnectionTimeout: number;
    readonly connection: { readonly connectionTimeoutMillis: number; readonly connectTimeout: number };
  };
}

/**
 * Options to spread into `MikroORM.init` so a database that is down or unreachable fails within `ms`
 * (pool acquire, knex acquire, and the PostgreSQL and MariaDB drivers' connect timeouts) instead of
 * hanging for knex's default minute. pagewise then reports SOURCE_UNAVAILABLE.
 */
export function connectTimeouts(ms = 5000): ConnectTimeoutOptions {
  return {
    pool: { acquireTimeoutMillis: ms },
    driverOptions: { acquireConnectionTimeout: ms, connection: { connectionTimeoutMillis: ms, connectTimeout: ms } },
  };
}
