import {
  assertConfig,
  isPaginationError,
  PaginationConfigError,
  PaginationError,
  parseOrdering,
  formatOrdering,
  flipOrdering,
  withTiebreaker,
  resolveClientOrdering,
} from 'pagewise/internal';

describe('errors', () => {
  it('carries a stable code, the argument and the cause', () => {
    const cause = new Error('db down');
    const error = new PaginationError('SOURCE_UNAVAILABLE', 'The data source is unavailable.', { cause });
    expect(error).toMatchObject({ name: 'PaginationError', code: 'SOURCE_UNAVAILABLE', argument: undefined, cause });
    expect(PaginationError.invalidPage('Invalid page.', 'page')).toMatchObject({
      code: 'INVALID_PAGE',
      argument: 'page',
      message: 'Invalid page.',
    });
    expect(PaginationError.invalidPage('Invalid page.').argument).toBeUndefined();
    expect(PaginationError.invalidCursor()).toMatchObject({ code: 'INVALID_CURSOR', message: 'Invalid cursor' });
    expect(PaginationError.invalidArgument('bad', 'first')).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'first' });
    expect(PaginationError.invalidArgument('bad').argument).toBeUndefined();
  });

  it('recognises pagination errors, also from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { name: 'PaginationError', code: 'INVALID_PAGE' });
    expect(isPaginationError(PaginationError.invalidCursor())).toBe(true);
    expect(isPaginationError(foreign)).toBe(true);
    expect(isPaginationError(new Error('x'))).toBe(false);
    expect(isPaginationError('INVALID_PAGE')).toBe(false);
  });

  it('keeps programmer misuse apart', () => {
    expect(() => assertConfig(false, 'nope')).toThrow(PaginationConfigError);
    expect(() => assertConfig(false, 'nope', 'UNKNOWN_ORDERING_FIELD')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ORDERING_FIELD' }),
    );
    expect(() => assertConfig(true, 'fine')).not.toThrow();
  });
});

describe('orderings', () => {
  it('parses, formats, flips and completes DRF notation', () => {
    const ordering = parseOrdering(['-created', 'title']);
    expect(ordering).toEqual([
      { field: 'created', descending: true },
      { field: 'title', descending: false },
    ]);
    expect(formatOrdering(flipOrdering(ordering))).toBe('created,-title');
    expect(formatOrdering(withTiebreaker(ordering, ['id', 'title']))).toBe('-created,title,id');
    // The tiebreaker runs the way the last field does, so one index serves the whole ordering.
    expect(formatOrdering(withTiebreaker(parseOrdering('-created'), ['id']))).toBe('-created,-id');
    expect(formatOrdering(withTiebreaker(parseOrdering(['title', '-created']), ['id', 'slug']))).toBe('title,-created,-id,-slug');
    expect(formatOrdering(withTiebreaker([], ['id']))).toBe('id');
    expect(formatOrdering(parseOrdering('author.name'))).toBe('author.name');
  });

  it.each([[[]], [''], ['-'], ['a b'], [['ok', '--x']]])('rejects %j when defined', (spec) => {
    expect(() => parseOrdering(spec as string)).toThrow(PaginationConfigError);
  });

  it('checks client orderings against the allow-list', () => {
    const options = { ordering: '-created', orderingFields: ['created', 'title'] };
    expect(formatOrdering(resolveClientOrdering('title, -created', options))).toBe('title,-created');
    expect(formatOrdering(resolveClientOrdering(['-title'], options))).toBe('-title');
    expect(formatOrdering(resolveClientOrdering('', options))).toBe('-created');
    expect(formatOrdering(resolveClientOrdering(undefined, options))).toBe('-created');
    expect(() => resolveClientOrdering('password', options)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'ordering' }),
    );
    expect(() => resolveClientOrdering('title,,created', { ...options, argument: 'orderBy' })).toThrow(
      expect.objectContaining({ argument: 'orderBy' }),
    );
    expect(() => resolveClientOrdering('x', { ...options, orderingFields: [] })).toThrow(/allowed fields: none/);
    expect(formatOrdering(resolveClientOrdering('password,title', { ...options, onInvalid: 'ignore' }))).toBe('title');
    expect(formatOrdering(resolveClientOrdering('password', { ...options, onInvalid: 'ignore' }))).toBe('-created');
  });
});
