// graphql-relay compatible mode, arithmetic: every vector of shared/reference/relay-test-vectors.json.
import { connectionFromArray, connectionFromArraySlice, cursorToOffset, offsetToCursor, type RelayArrayArgs } from 'pagewise/internal';
import vectors from '../fixtures/relay-test-vectors.json';

interface Vector {
  fn: 'connectionFromArray' | 'connectionFromArraySlice';
  input: { array: unknown[]; args: RelayArrayArgs; meta?: { sliceStart: number; arrayLength: number } };
  expect: { throws: string } | { edges: unknown[]; pageInfo: unknown };
  source: string;
  note?: string;
}

const cases = (vectors as Vector[]).map((vector, index) => [`${index}: ${vector.source}`, vector] as const);

describe('graphql-relay array connections', () => {
  it.each(cases)('%s', (_, vector) => {
    const run = () =>
      vector.fn === 'connectionFromArray'
        ? connectionFromArray(vector.input.array, vector.input.args)
        : connectionFromArraySlice(vector.input.array, vector.input.args, vector.input.meta!);
    if ('throws' in vector.expect) {
      expect(run).toThrow(new Error(vector.expect.throws));
    } else {
      expect(run()).toEqual(vector.expect);
    }
  });

  it('throws INVALID_ARGUMENT with the argument for a negative first, even on an empty list', () => {
    expect(() => connectionFromArray([], { first: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'first' }));
  });

  it.each([
    [0, 'YXJyYXljb25uZWN0aW9uOjA='],
    [4, 'YXJyYXljb25uZWN0aW9uOjQ='],
    [10, 'YXJyYXljb25uZWN0aW9uOjEw'],
    [-1, 'YXJyYXljb25uZWN0aW9uOi0x'],
  ])('offsetToCursor(%d) is %s', (offset, cursor) => {
    expect(offsetToCursor(offset)).toBe(cursor);
    expect(cursorToOffset(cursor)).toBe(offset);
  });

  it.each([
    ['URL-safe characters', 'YXJyYXljb25uZWN0aW9uOjA-'],
    ['a ragged length', 'YXJyYXljb25uZWN0aW9uOjA'],
    ['nothing after the prefix', 'YXJyYXljb25uZWN0aW9uOg=='],
  ])('cursorToOffset of %s is NaN', (_, cursor) => {
    expect(cursorToOffset(cursor)).toBeNaN();
  });

  it.each([
    ['1.9', 1],
    ['3xyz', 3],
    ['07', 7],
  ])('cursorToOffset parses "%s" like parseInt', (rest, offset) => {
    expect(cursorToOffset(Buffer.from(`xxxxxxxxxxxxxxxx${rest}`).toString('base64'))).toBe(offset);
  });
});
