// Each subpath export loads on its own, from the file package.json names, and pulls in none of the
// heavy dependencies of the other adapters: a REST-only user never loads graphql or type-graphql.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../package.json';

const root = join(__dirname, '..');
const exportsMap = packageJson.exports as Record<string, string | { types: string; default: string }>;

const ADAPTER_DEPENDENCIES = [
  'graphql',
  'type-graphql',
  '@graphql-tools/utils',
  '@graphql-tools/schema',
  '@apollo/server',
  '@mikro-orm/core',
  '@mikro-orm/knex',
  'drizzle-orm',
  'kysely',
  'express',
  'fastify',
];
const ALLOWED: Record<string, readonly string[]> = {
  '.': [],
  './array': [],
  './rest': [],
  './node': [],
  './testing': [],
  './mikro-orm': ['@mikro-orm/core', '@mikro-orm/knex'],
  './drizzle': ['drizzle-orm'],
  './kysely': ['kysely'],
  './graphql': ['graphql'],
  './sdl': ['graphql', '@graphql-tools/utils', '@graphql-tools/schema'],
  './type-graphql': ['graphql', 'type-graphql'],
};

// type-graphql, like every user of it, needs the reflect-metadata polyfill loaded first.
const PRELOAD: Record<string, readonly string[]> = { './type-graphql': ['reflect-metadata'] };

/** The packages under node_modules that loading `file` in a fresh Node process pulls in. */
function packagesLoadedBy(file: string, preload: readonly string[] = []): string[] {
  const script = `
    ${preload.map((name) => `require(${JSON.stringify(name)});`).join('\n')}
    const loaded = require(${JSON.stringify(file)});
    if (Object.keys(loaded).length === 0) throw new Error('no exports');
    const names = Object.keys(require.cache).filter((id) => id.includes('node_modules')).map((id) => {
      const parts = id.split('node_modules/').pop().split('/');
      return parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0];
    });
    process.stdout.write(JSON.stringify([...new Set(names)]));`;
  return JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' })) as string[];
}

const entries = Object.entries(exportsMap).filter(([name]) => name !== './package.json');

describe('subpath exports', () => {
  it('lists every entry point the design names', () => {
    expect(entries.map(([name]) => name).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(entries)('%s builds from src and loads only its own dependencies', (name, target) => {
    const built = typeof target === 'string' ? target : target.default;
    expect(typeof target === 'string' ? target : target.types).toBe(built.replace(/\.js$/, '.d.ts'));
    const source = join(root, built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
    expect(existsSync(source)).toBe(true);
    const loaded = packagesLoadedBy(source, PRELOAD[name]);
    const forbidden = ADAPTER_DEPENDENCIES.filter((dependency) => !ALLOWED[name]!.includes(dependency));
    expect(loaded.filter((dependency) => forbidden.includes(dependency))).toEqual([]);
  });
});
