// Every TypeScript block of the README is a file of examples/readme/, named by a marker comment
// (`<!-- file: examples/readme/core.ts -->`) before the block; the project's typecheck compiles
// those files with --strict and eslint lints them, so a snippet that does not compile fails `npm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const SNIPPETS = 'examples/readme';

interface Block {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
  /** The path the marker names, or null when the block has none. */
  readonly file: string | null;
}

/** The README's ```ts and ```typescript blocks, each with the file its marker names. */
function typescriptBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\s*$/i.exec(lines[index] ?? '');
    if (fence === null) continue;
    const close = lines.findIndex((line, at) => at > index && line.trim() === fence[2]);
    if (close === -1) throw new Error(`README.md:${index + 1}: unclosed code block`);
    let before = index - 1;
    while (before >= 0 && (lines[before] ?? '').trim() === '') before--;
    const marker = /^<!--\s*file:\s*(\S+)\s*-->$/.exec((lines[before] ?? '').trim());
    blocks.push({ line: index + 1, code: lines.slice(index + 1, close).join('\n'), file: marker?.[1] ?? null });
    index = close;
  }
  return blocks;
}

describe('typescriptBlocks', () => {
  it('finds ts and typescript blocks with their markers, and blocks without one', () => {
    const markdown = [
      '<!-- file: a.ts -->',
      '',
      '```ts',
      'const a = 1;',
      '```',
      'text',
      '```typescript',
      'b',
      '```',
      '```sh',
      'npm test',
      '```',
    ].join('\n');
    expect(typescriptBlocks(markdown)).toEqual([
      { line: 3, code: 'const a = 1;', file: 'a.ts' },
      { line: 7, code: 'b', file: null },
    ]);
  });
});

const blocks = typescriptBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const quoted = blocks.flatMap((block) => (block.file === null ? [] : [{ ...block, file: block.file }]));

describe('README TypeScript blocks', () => {
  it('has blocks, each with a file marker', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.filter((block) => block.file === null).map((block) => `README.md:${block.line}`)).toEqual([]);
  });

  it.each(quoted.map((block) => [block.file, block]))('%s is the block as the README shows it', (file, block) => {
    expect(file.startsWith(`${SNIPPETS}/`)).toBe(true);
    expect(existsSync(join(root, file))).toBe(true);
    expect(block.code.trim()).toBe(readFileSync(join(root, file), 'utf8').trim());
  });

  it(`quotes every file of ${SNIPPETS} once, apart from the modules the snippets import`, () => {
    const files = readdirSync(join(root, SNIPPETS)).filter((name) => name.endsWith('.ts'));
    const shown = quoted.map((block) => block.file.slice(SNIPPETS.length + 1));
    const imported = new Set(
      shown.flatMap((name) =>
        [...readFileSync(join(root, SNIPPETS, name), 'utf8').matchAll(/from '\.\/([\w-]+)'/g)].map((m) => `${m[1]}.ts`),
      ),
    );
    expect(shown.length).toBe(new Set(shown).size);
    expect(files.filter((name) => !shown.includes(name) && !imported.has(name))).toEqual([]);
  });
});
