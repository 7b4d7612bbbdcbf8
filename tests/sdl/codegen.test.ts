// The codegen drift check and the typecheck of resolvers typed with the generated types.
//
// The generated file is committed on purpose: it is the reference this test compares a fresh run of
// tests/sdl/codegen.yml against (so a schema change without `npm run codegen:sdl` fails the suite), and the file the
// typed demo resolvers import.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../..');
const generatedPath = 'tests/sdl/generated/demo-types.generated.ts';

/** `content` formatted as `npm run codegen:sdl`'s prettier hook formats the file (the repository's config). */
function formatted(content: string): string {
  const prettier = spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', generatedPath], {
    cwd: root,
    input: content,
    encoding: 'utf8',
  });
  if (prettier.status !== 0) throw new Error(`prettier failed: ${prettier.stderr}`);
  return prettier.stdout;
}

/** What tests/sdl/codegen.yml generates now, run in a child process (the codegen CLI is ESM jest cannot load). */
function generated(): { filename: string; content: string }[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../support/generate-types.ts'), 'tests/sdl/codegen.yml'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`codegen failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { filename: string; content: string }[];
}

describe('GraphQL Code Generator over the transformed demo schema', () => {
  it('makes exactly the committed types file (run `npm run codegen:sdl` after changing the schema)', () => {
    const outputs = generated();
    expect(outputs.map((output) => relative(root, join(root, output.filename)))).toEqual([generatedPath]);
    const fresh = formatted(outputs[0]!.content);
    const committed = readFileSync(join(root, generatedPath), 'utf8');
    if (fresh !== committed) {
      const lines = [fresh.split('\n'), committed.split('\n')] as const;
      const line = lines[0].findIndex((text, index) => text !== lines[1][index]);
      throw new Error(
        `${generatedPath} is stale: run \`npm run codegen:sdl\`. First difference at line ${line + 1}:\n` +
          `  generated: ${lines[0][line]}\n  committed: ${lines[1][line]}`,
      );
    }
    expect(fresh).toContain(
      "ArticleConnection: ResolverTypeWrapper<import('pagewise/sdl').PaginatedRows<ResolversParentTypes['Article']>>;",
    );
  });

  it('types the generated connection and page types and their arguments', () => {
    const committed = readFileSync(join(root, generatedPath), 'utf8');
    expect(
      [
        'export type ArticleConnection = {',
        'export type CommentPage = {',
        'export type QueryArticlesArgs = {',
        'export type PageInfo = {',
      ].filter((declaration) => !committed.includes(declaration)),
    ).toEqual([]);
  });

  it('compiles resolvers typed with the generated types (tsc), and rejects mistyped rows', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      { noEmit: true },
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    );
    const program = ts.createProgram([join(__dirname, 'demo-resolvers.ts')], parsed!.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file
        ? `${relative(root, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    // demo-resolvers.ts also holds mistyped resolvers under @ts-expect-error: were the generated
    // types too loose, those directives would be unused, which is an error here.
    expect(diagnostics).toEqual([]);
  });
});
