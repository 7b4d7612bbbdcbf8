import { serializeRows } from '../../src/rest/serialize-rows';

describe('serializeRows', () => {
  const rows = [1, 2, 3];

  it('gives the list itself, not a promise, when every serializer answers at once', () => {
    const serialized = serializeRows(rows, (row) => ({ id: row }));
    expect(serialized).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(serialized).not.toBeInstanceOf(Promise);
  });

  it('awaits serializers that answer with promises (or thenables), in row order, mixed with plain ones', async () => {
    const thenable = (value: unknown): PromiseLike<unknown> => ({ then: (resolve) => Promise.resolve(resolve?.(value)) as never });
    const serialized = serializeRows(rows, (row) =>
      row === 1 ? new Promise((resolve) => setTimeout(() => resolve('one'), 5)) : row === 2 ? thenable('two') : 'three',
    );
    expect(serialized).toBeInstanceOf(Promise);
    await expect(serialized).resolves.toEqual(['one', 'two', 'three']);
  });

  it('keeps falsy answers as they are', () => {
    expect(serializeRows(rows, (row) => (row === 1 ? null : row === 2 ? 0 : undefined))).toEqual([null, 0, undefined]);
  });
});
