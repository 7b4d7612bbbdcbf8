import { ConnectionException } from '@mikro-orm/core';
import { guarded as sqlGuarded, isConnectionFailure as sqlConnectionFailure } from '../sql/unavailable';

/** MikroORM's own connection errors, beside the drivers' codes and messages the SQL module knows. */
const mikroOrmConnection = (error: unknown): boolean => error instanceof ConnectionException;

/** True when `error` says the database could not be reached (MikroORM's ConnectionException included). */
export const isConnectionFailure = (error: unknown): boolean => sqlConnectionFailure(error, mikroOrmConnection);

/** Runs a query; a connection failure (MikroORM's included) becomes SOURCE_UNAVAILABLE (see the SQL module's `guarded`). */
export const guarded = <R>(what: string, query: () => Promise<R>): Promise<R> => sqlGuarded(what, query, mikroOrmConnection);
