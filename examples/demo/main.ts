// `npm start`: opens (and on first start creates and seeds) the database, serves the demo, prints its
// URLs, and shuts down gracefully on SIGINT and SIGTERM. Environment: PORT, HOST, DATABASE_URL (else
// SQLite in DEMO_SQLITE_FILE), DATABASE_REPLICA_URLS, CURSOR_SECRET, CURSOR_PREVIOUS_SECRETS (both
// comma-separated), DEMO_CURSOR_MODE (exact or drf), DEMO_INSTANCE (the x-pagewise-instance header).
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
  // Behind a balancer (see docs/scale-out.md): read replicas, a rotation's previous secrets, a name.
  const list = (name: string): string[] =>
    (process.env[name] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const replicas = list('DATABASE_REPLICA_URLS');
  const previousSecrets = list('CURSOR_PREVIOUS_SECRETS');
  const mode = process.env['DEMO_CURSOR_MODE'] || 'exact';
  if (mode !== 'exact' && mode !== 'drf') throw new Error(`DEMO_CURSOR_MODE must be exact or drf, not ${mode}`);
  const orm = await openDatabase({ url, sqliteFile, captureSql: true, ...(replicas.length > 0 ? { replicas } : {}) });
  if (!(await isSeeded(orm))) {
    const seeding = performance.now();
    const counts = await seed(orm, { articles, progress: progressBar((text) => process.stdout.write(text)) });
    console.log(`Seeded ${counts.authors} authors, ${counts.articles} articles, ${counts.comments} comments in ${seconds(seeding)}.`);
  }
  const demo = await startDemo(orm, {
    port,
    host,
    ...(process.env['CURSOR_SECRET'] ? { cursorSecret: process.env['CURSOR_SECRET'] } : {}),
    previousSecrets,
    cursorMode: mode,
    ...(process.env['DEMO_INSTANCE'] ? { instanceName: process.env['DEMO_INSTANCE'] } : {}),
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
