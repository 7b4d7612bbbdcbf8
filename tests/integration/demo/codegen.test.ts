// One demo schema: codegen.yml types the schema `npm start` serves. The schema codegen loads prints the
// same as the one the running demo introspects to, and the generated file has every type and field.
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, isInputObjectType, isObjectType, printSchema, type IntrospectionQuery } from 'graphql';
import { schema as codegenSchema } from '../../../examples/demo/codegen-schema';
import { runDemo, type RunningDemo } from './demo-server';

const root = join(__dirname, '../../..');

let running: RunningDemo;
beforeAll(async () => {
  running = await runDemo(5);
});
afterAll(async () => running?.stop());

it('loads the schema the demo serves', async () => {
  const response = await fetch(`${running.demo.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const { data } = (await response.json()) as { data: IntrospectionQuery };
  expect(printSchema(buildClientSchema(data))).toBe(printSchema(codegenSchema));
});

it('generates a type for every type and field of it', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../support/generate-types.ts'), 'codegen.yml'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`codegen failed: ${child.stderr}`);
  const outputs = JSON.parse(child.stdout) as { filename: string; content: string }[];
  expect(outputs.map((output) => relative(root, join(root, output.filename)))).toEqual(['examples/demo/generated/graphql.ts']);
  const content = outputs[0]!.content;
  const missing: string[] = [];
  for (const type of Object.values(codegenSchema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInputObjectType(type))) continue;
    // A type implementing an interface is `Node & { ... }`.
    const block = new RegExp(`export type ${type.name} = (?:\\w+ & )*\\{([^}]*)\\}`).exec(content)?.[1];
    if (block === undefined) {
      missing.push(type.name);
      continue;
    }
    for (const field of Object.keys(type.getFields()))
      if (!new RegExp(`\\b${field}\\??:`).test(block)) missing.push(`${type.name}.${field}`);
  }
  expect(missing).toEqual([]);
  expect(content).toContain('export type QueryArticlesArgs = {');
  expect(content).toMatch(/ordering\?: InputMaybe<Array<Scalars\['String'\]\['input'\]>>/);
}, 60_000);
