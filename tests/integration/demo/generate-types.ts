// Runs codegen.yml (the demo's) in memory and prints its outputs as JSON ({filename, content}[]) for
// codegen.test.ts: the codegen CLI is ESM that jest cannot load, so this runs under tsx.
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

async function main(): Promise<void> {
  const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
  const outputs = await generate({ ...config, cwd: process.cwd(), silent: true, hooks: {} }, false);
  process.stdout.write(
    JSON.stringify(outputs.map(({ filename, content }: { filename: string; content: string }) => ({ filename, content }))),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
