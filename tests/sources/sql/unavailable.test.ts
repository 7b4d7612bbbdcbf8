// Which errors say the database could not be reached: driver codes, SQLSTATE class 08, known
// messages, at any depth of `cause`; a query's own mistakes are not among them.
import { isConnectionFailure } from '../../../src/sources/sql/unavailable';

describe('isConnectionFailure', () => {
  it.each([
    ['ECONNREFUSED', true, { code: 'ECONNREFUSED' }],
    ['a MariaDB pool timeout', true, { code: 'ER_GET_CONNECTION_TIMEOUT' }],
    ["knex's acquire timeout", true, { name: 'KnexTimeoutError', message: 'Knex: Timeout acquiring a connection.' }],
    ['a wrapped ETIMEDOUT', true, Object.assign(new Error('wrapped'), { cause: { code: 'ETIMEDOUT' } })],
    ["pg's connect timeout", true, new Error('Connection terminated due to connection timeout')],
    ["pg's bare connect timeout (issue 14)", true, new Error('timeout expired')],
    ['pg, a socket closed mid-query', true, new Error('Connection terminated unexpectedly')],
    ['pg, a client whose socket broke', true, new Error('Client has encountered a connection error and is not queryable')],
    ['PostgreSQL, SQLSTATE class 08', true, Object.assign(new Error('connection failure'), { code: '08006' })],
    ['PostgreSQL, too many connections', true, Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['PostgreSQL statement_timeout', true, Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    [
      'MariaDB, a connect timeout',
      true,
      { code: 'ER_CONNECTION_TIMEOUT', sqlState: '08S01', message: 'Connection timeout: failed to create socket after 500ms' },
    ],
    ['MariaDB, a closed connection', true, { code: 'ER_CMD_CONNECTION_CLOSED', message: 'Cannot execute new commands: connection closed' }],
    ['MariaDB, sqlState 08S01 alone', true, { code: 'ER_UNKNOWN', sqlState: '08S01', message: 'Communication link failure' }],
    [
      'MariaDB max_statement_time',
      true,
      { code: 'ER_STATEMENT_TIMEOUT', message: 'Query execution was interrupted (max_statement_time exceeded)' },
    ],
    ['SQLite, locked', true, { code: 'SQLITE_BUSY', message: 'SQLITE_BUSY: database is locked' }],
    ['a duplicate key', false, Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a message merely mentioning a timeout', false, new Error('invalid input syntax: "timeout expired at noon"')],
    ['a syntax error', false, Object.assign(new Error('syntax error at or near "x"'), { code: '42601' })],
    ['a missing column', false, new Error('no such column: x')],
    ['a string', false, 'text'],
  ])('%s is a connection failure: %s', (_label, expected, error) => {
    expect(isConnectionFailure(error)).toBe(expected);
  });
});
