/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: {
    '^pagewise$': '<rootDir>/src/core/index.ts',
    // Tests of core's internals (not a package entry point: users never import it).
    '^pagewise/internal$': '<rootDir>/src/core/internal.ts',
    '^pagewise/array$': '<rootDir>/src/sources/array/index.ts',
    '^pagewise/mikro-orm$': '<rootDir>/src/sources/mikro-orm/index.ts',
    '^pagewise/drizzle$': '<rootDir>/src/sources/drizzle/index.ts',
    '^pagewise/kysely$': '<rootDir>/src/sources/kysely/index.ts',
    '^pagewise/(graphql|type-graphql|sdl|rest|node|testing)$': '<rootDir>/src/$1/index.ts',
  },
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { './src/core/': { lines: 95 } },
  testTimeout: 30000,
  // Two workers on a 2-core machine (jest's default is cores - 1 = one): most suites wait on a
  // database server, and the three contract suites (minutes each) then run side by side.
  maxWorkers: 2,
};
