// `npm start`: opens (and on first start creates and seeds) the database, serves the demo, prints its
// URLs, and shuts down gracefully on SIGINT and SIGTERM.
import { dialectOf, openDatabase } from './database';
import { isSeeded, progressBar, seed } from './seed';
import { startDemo } from './server';

async function main(): Promise<void> {
  const started = performance.now();
  const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const url = process.env['DATABASE_URL'] || undefined;
  const port = Number(process.env['PORT'] ?? 3000);
  const host = process.env['HOST'] ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env['PORT']}`);

  const sqliteFile = process.env['DEMO_SQLITE_FILE'] || '.data/demo.sqlite';
  const articles = Number(process.env['DEMO_ARTICLES'] ?? 100_000);
  console.log(`Opening the ${dialectOf(url)} database${url ? '' : ` (${sqliteFile})`}…`);
  // captureSql: the page at `/` shows the SQL of each page it renders.
  const orm = await openDatabase({ url, sqliteFile, captureSql: true });
  if (!(await isSeeded(orm))) {
    const seeding = performance.now();
    const counts = await seed(orm, { articles, progress: progressBar((text) => process.stdout.write(text)) });
    console.log(`Seeded ${counts.authors} authors, ${counts.articles} articles, ${counts.comments} comments in ${seconds(seeding)}.`);
  }
  const demo = await startDemo(orm, {
    port,
    host,
    ...(process.env['CURSOR_SECRET'] ? { cursorSecret: process.env['CURSOR_SECRET'] } : {}),
  });
  const width = Math.max(...demo.endpoints.map(({ path }) => demo.origin.length + path.length));
  console.log(`
pagewise demo is ready in ${seconds(started)}:
${demo.endpoints.map(({ path, description }) => `  ${(demo.origin + path).padEnd(width)}  ${description}`).join('\n')}
Stop with Ctrl+C.`);
  if (demo.defaultSecret) {
    console.warn(
      'Warning: cursors are signed with the default secret, which is public; anyone can forge them. Set CURSOR_SECRET (16+ bytes) outside a laptop.',
    );
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    demo
      .close()
      .then(() => orm.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
