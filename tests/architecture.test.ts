// The module map's rules that lint cannot see: no import cycle even through type imports, no switch
// on the pagination style outside core, and a short public barrel for core.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const modules = files(src);

/** Every relative import of a module, `import type` and re-exports included, as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return targets.map((target) => {
    const base = resolve(dirname(file), target);
    return modules.find((candidate) => candidate === `${base}.ts` || candidate === join(base, 'index.ts')) ?? base;
  });
}

describe('the module map', () => {
  it('has no import cycle, counting type imports', () => {
    const graph = new Map(modules.map((file) => [file, importsOf(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((step) => relative(src, step)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of modules) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('switches on the pagination style only in core', () => {
    const switches = modules
      .filter((file) => !relative(src, file).startsWith('core/'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, at: `${relative(src, file)}:${index + 1}` }))
          .filter(({ line }) =>
            /(===|!==|case)\s*'(page-number|limit-offset|cursor)'|'(page-number|limit-offset|cursor)'\s*(===|!==)/.test(line),
          )
          .map(({ at }) => at),
      );
    expect(switches).toEqual([]);
  });

  it("keeps core's public barrel short (at most 61 names, half of the first wave's 122)", () => {
    const barrel = readFileSync(join(src, 'core', 'index.ts'), 'utf8');
    const names = [...barrel.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) =>
      match[1]!
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    );
    expect(names.length).toBeLessThanOrEqual(61);
    expect(barrel).not.toMatch(/export \*/);
  });
});
