// pagewise/testing registers its suite with the runner it is given (jest's, vitest's, or a fake
// that only records), and without one it needs the runner's globals, failing as a config error.
import { PaginationConfigError } from 'pagewise';
import { arrayBatchSource, arraySource } from 'pagewise/array';
import { CONTRACT_FIELDS, CONTRACT_ROWS, describeSourceContract, type ContractTestApi } from 'pagewise/testing';

/** A runner that records the names of what it is asked to register, and runs nothing. */
function recordingRunner(): { readonly api: ContractTestApi; readonly names: string[] } {
  const names: string[] = [];
  const path: string[] = [];
  const api: ContractTestApi = {
    describe: (name, body) => {
      path.push(name);
      body();
      path.pop();
    },
    it: (name) => {
      names.push([...path, name].join(' > '));
    },
    expect: () => ({ toEqual: () => undefined }),
  };
  return { api, names };
}

const makeSource = () => Promise.resolve(arraySource(CONTRACT_ROWS, { uniqueKey: 'id', fields: CONTRACT_FIELDS }));
const makeBatch = () => Promise.resolve(arrayBatchSource(CONTRACT_ROWS, { key: 'parent', uniqueKey: 'id', fields: CONTRACT_FIELDS }));

describe('describeSourceContract', () => {
  it('registers every test with the runner it is given, the batch part only with a batch', () => {
    const single = recordingRunner();
    describeSourceContract('mine', makeSource, { test: single.api });
    const both = recordingRunner();
    describeSourceContract('mine', makeSource, { test: both.api, batch: makeBatch });
    expect(single.names).toContain(
      'PageSource contract: mine > data set ties > cursor, exact mode > walks ordered by -created forward and back, page by page equal to the reference',
    );
    expect(single.names.some((name) => name.startsWith('BatchPageSource contract'))).toBe(false);
    expect(both.names.filter((name) => name.startsWith('PageSource contract through the batch: mine')).length).toBe(single.names.length);
    expect(both.names).toContain(
      'BatchPageSource contract: mine > keys equal as text are one parent (1 and "1"), and a parent asked twice in a tick gets each window',
    );
    expect(new Set(both.names).size).toBe(both.names.length);
  });

  it('without a runner and without its globals is a PaginationConfigError naming the `test` option', () => {
    const scope = globalThis as { describe?: unknown };
    const saved = scope.describe;
    delete scope.describe;
    try {
      expect(() => describeSourceContract('mine', makeSource)).toThrow(PaginationConfigError);
      expect(() => describeSourceContract('mine', makeSource)).toThrow(/`test` option/);
    } finally {
      scope.describe = saved;
    }
  });
});
