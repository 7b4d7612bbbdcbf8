// The package as a user gets it: `npm pack` (its prepack builds dist/), the tarball installed into a
// scratch project with no registry, then every entry point of package.json's `exports` loaded with
// `import` (ESM) and `require` (CommonJS), and a consumer file type-checked under each
// moduleResolution a TypeScript user may have. The peers come from this checkout's node_modules.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import packageJson from '../../package.json';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const nodeModules = realpathSync(join(root, 'node_modules'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = join(nodeModules, 'typescript', 'bin', 'tsc');

/** What a user installs next to pagewise to use every adapter (README "Install"), plus Node's types. */
const PEERS = [...Object.keys(packageJson.peerDependencies), 'reflect-metadata', '@types/node'];
const specifiers = Object.keys(packageJson.exports)
  .filter((name) => name !== './package.json')
  .map((name) => (name === '.' ? 'pagewise' : `pagewise/${name.slice(2)}`));

// One value and one type from every entry point, and calls whose types must be checked: a
// `@ts-expect-error` that finds no error fails the compile, so an entry point typed `any` cannot pass.
const CONSUMER = `import { cursorPagination, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { mikroOrmSource, type MikroOrmSourceOptions } from 'pagewise/mikro-orm';
import { connectionField, type GraphQLPagination } from 'pagewise/graphql';
import { ConnectionType, type NodeClass } from 'pagewise/type-graphql';
import { paginateDirective, type PaginateDirective } from 'pagewise/sdl';
import { restResponse, type RestOptions } from 'pagewise/rest';

interface Row {
  id: number;
  title: string;
}
const pagination: GraphQLPagination = cursorPagination({ pageSize: 10, ordering: 'id' });
const source: PageSource<Row> = arraySource<Row>([{ id: 1, title: 'one' }], { uniqueKey: 'id' });
const options: RestOptions<Row> = { pagination, source, serialize: (row) => ({ id: row.id, title: row.title.toUpperCase() }) };
const directive: PaginateDirective = paginateDirective({ arraySource });
const mikroOptions: MikroOrmSourceOptions<Row> = { orderingFields: ['id'] };
const node: NodeClass | undefined = undefined;
// @ts-expect-error pageSize is a number
cursorPagination({ pageSize: 'ten' });
// @ts-expect-error the row has no such field
arraySource<Row>([], { uniqueKey: 'id' }).count(1);
export const used = [options, directive, mikroOptions, node, mikroOrmSource, connectionField, ConnectionType, restResponse];
export const response: Promise<{ status: number }> = restResponse({ url: '/articles/?page=2', headers: { host: 'example.org' } }, options);
`;

// Every entry point from ESM and from CommonJS: the same names, none missing (Node's named-export
// detection of CommonJS must see all of them), each module non-empty.
const ESM = `import 'reflect-metadata';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const loaded = {};
for (const specifier of ${JSON.stringify(specifiers)}) {
  const esm = Object.keys(await import(specifier)).filter((name) => name !== 'default' && name !== '__esModule').sort();
  const cjs = Object.keys(require(specifier)).filter((name) => name !== '__esModule').sort();
  if (cjs.length === 0 || JSON.stringify(esm) !== JSON.stringify(cjs)) throw new Error(specifier + ': ' + esm + ' vs ' + cjs);
  loaded[specifier] = esm.length;
}
const { cursorPagination } = await import('pagewise');
const { arraySource } = await import('pagewise/array');
const { restResponse } = await import('pagewise/rest');
const response = await restResponse(
  { url: '/articles/', headers: { host: 'example.org' } },
  { pagination: cursorPagination({ pageSize: 1, ordering: 'id' }), source: arraySource([{ id: 1 }, { id: 2 }], { uniqueKey: 'id' }) },
);
process.stdout.write(JSON.stringify({ loaded, status: response.status }));
`;

const CJS = `require('reflect-metadata');
const loaded = {};
for (const specifier of ${JSON.stringify(specifiers)}) loaded[specifier] = Object.keys(require(specifier)).length;
const { PaginationError } = require('pagewise');
const { connectionType } = require('pagewise/graphql');
const { GraphQLObjectType, GraphQLString } = require('graphql');
const Article = new GraphQLObjectType({ name: 'Article', fields: { title: { type: GraphQLString } } });
process.stdout.write(JSON.stringify({ loaded, connection: connectionType(Article).name, error: typeof PaginationError }));
`;

const RESOLUTIONS = {
  node10: { module: 'commonjs', moduleResolution: 'node10', files: ['consumer.ts'] },
  node16: { module: 'node16', moduleResolution: 'node16', files: ['consumer.cts', 'consumer.mts'] },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext', files: ['consumer.cts', 'consumer.mts'] },
  bundler: { module: 'esnext', moduleResolution: 'bundler', files: ['consumer.ts'] },
};

let scratch: string;
let project: string;
const distExisted = existsSync(join(root, 'dist'));

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'pagewise-pack-'));
  project = join(scratch, 'consumer');
  mkdirSync(project);
  // npm's logs and cache writes go to the scratch directory, not the user's.
  const env = { ...process.env, npm_config_logs_dir: join(scratch, 'logs'), npm_config_update_notifier: 'false' };
  await run(npm, ['pack', '--silent', '--pack-destination', scratch], { cwd: root, env });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack made no tarball');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '0.0.0', private: true }));
  // Offline: pagewise's own dependencies are installed from this checkout's copies (npm links a folder).
  const dependencies = Object.keys(packageJson.dependencies).map((name) => join(nodeModules, name));
  await run(
    npm,
    ['install', '--offline', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', join(scratch, tarball), ...dependencies],
    {
      cwd: project,
      env,
    },
  );
  // The peers a user would install, linked after npm is done (npm prunes what package.json lacks).
  for (const name of PEERS) {
    const link = join(project, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(nodeModules, name), link, 'dir');
  }
  writeFileSync(join(project, 'esm.mjs'), ESM);
  writeFileSync(join(project, 'cjs.cjs'), CJS);
  for (const file of ['consumer.ts', 'consumer.cts', 'consumer.mts']) writeFileSync(join(project, file), CONSUMER);
  for (const [name, { files, ...options }] of Object.entries(RESOLUTIONS)) {
    const compilerOptions = {
      ...options,
      target: 'es2022',
      lib: ['es2022'],
      types: ['node'],
      strict: true,
      esModuleInterop: true,
      noEmit: true,
      skipLibCheck: false,
    };
    writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files }));
  }
}, 120_000);

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  // prepack built dist/ in the checkout; a checkout that had none gets none back.
  if (!distExisted) rmSync(join(root, 'dist'), { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the build, its maps and sources, the SDL and the license, and no test fixture', () => {
    const installed = join(project, 'node_modules', 'pagewise');
    const present = (path: string) => existsSync(join(installed, path));
    expect(
      [
        'LICENSE',
        'README.md',
        'dist/core/index.js',
        'dist/core/index.d.ts',
        'dist/core/index.js.map',
        'dist/core/index.d.ts.map',
        'src/core/index.ts',
      ].filter((path) => !present(path)),
    ).toEqual([]);
    expect(readdirSync(join(installed, 'schema'))).toEqual(['pagewise.graphql']);
    expect(['tests', 'examples', 'bench', 'tsconfig.json'].filter(present)).toEqual([]);
  });

  it('has source maps and declaration maps whose sources are in the package', () => {
    const installed = join(project, 'node_modules', 'pagewise');
    const maps = (readdirSync(join(installed, 'dist'), { recursive: true }) as string[]).filter((path) => path.endsWith('.map'));
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(installed, 'dist', map), 'utf8')) as { sources: string[] };
      return sources.filter((source) => !existsSync(join(installed, 'dist', dirname(map), source))).map((source) => `${map}: ${source}`);
    });
    expect(maps.filter((map) => map.endsWith('.d.ts.map')).length).toBeGreaterThan(0);
    expect(maps.length).toBe(2 * maps.filter((map) => map.endsWith('.d.ts.map')).length);
    expect(missing).toEqual([]);
  });

  it('loads every entry point with import (ESM) and require (CommonJS)', async () => {
    const esm = JSON.parse((await run(process.execPath, ['esm.mjs'], { cwd: project })).stdout) as {
      loaded: Record<string, number>;
      status: number;
    };
    const cjs = JSON.parse((await run(process.execPath, ['cjs.cjs'], { cwd: project })).stdout) as { loaded: Record<string, number> };
    expect(Object.keys(esm.loaded).sort()).toEqual([...specifiers].sort());
    expect(esm.loaded).toEqual(cjs.loaded);
    expect(Object.values(esm.loaded).filter((count) => count === 0)).toEqual([]);
    expect(esm.status).toBe(200);
    expect(cjs).toEqual({ loaded: esm.loaded, connection: 'ArticleConnection', error: 'function' });
  }, 60_000);

  it.each(Object.keys(RESOLUTIONS))(
    'type-checks a consumer under moduleResolution %s',
    async (name) => {
      const result = await run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: project }).then(
        () => '',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      );
      expect(result).toBe('');
    },
    90_000,
  );
});
