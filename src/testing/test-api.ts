import { assertConfig } from '../core/internal';

/**
 * The three functions of a test runner the contract registers its tests with: jest's and vitest's
 * `describe`, `it` and `expect` fit (only `toEqual` is used, so any deep-equality matcher does).
 */
export interface ContractTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeout?: number): void;
  expect(actual: unknown): { toEqual(expected: unknown): void };
}

/** The runner's globals (jest, vitest with `globals: true`, mocha with an expect), or a config error. */
export function globalTestApi(): ContractTestApi {
  const scope = globalThis as { describe?: unknown; it?: unknown; expect?: unknown };
  assertConfig(
    typeof scope.describe === 'function' && typeof scope.it === 'function' && typeof scope.expect === 'function',
    'pagewise/testing found no global describe, it and expect: run it under a test runner that has them, or pass its { describe, it, expect } as the `test` option',
  );
  return {
    describe: scope.describe as ContractTestApi['describe'],
    it: scope.it as ContractTestApi['it'],
    expect: scope.expect as ContractTestApi['expect'],
  };
}
