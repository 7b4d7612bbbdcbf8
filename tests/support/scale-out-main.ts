// `npm run scale-out [-- postgresql | galera]`: the scale-out rig by hand. Starts the PostgreSQL
// primary + replica and/or the three Galera nodes, three demo instances on each (seeded with
// DEMO_ARTICLES articles, 10,000 by default) and HAProxy in front of each three, prints the addresses,
// and stops everything on Ctrl-C (SIGINT) or SIGTERM.
import { randomBytes } from 'node:crypto';
import { seed } from '../../examples/demo/seed';
import { startBalancer, startInstances, type Balancer, type DemoInstance, type InstanceDatabase } from './balancer';
import { startGalera } from './galera';
import { startPgReplica } from './pg-replica';
import { stopStaleRigs } from './rig-process';

const which = process.argv[2] ?? 'both';
const articles = Number(process.env['DEMO_ARTICLES'] ?? 10_000);
const secret = process.env['CURSOR_SECRET'] || randomBytes(24).toString('base64url');
const stops: Array<() => Promise<void>> = [];

async function front(title: string, prefix: string, databases: readonly InstanceDatabase[], lines: string[]): Promise<void> {
  const instances: DemoInstance[] = await startInstances(databases, { secret }, prefix);
  stops.push(async () => {
    for (const instance of instances) await instance.stop();
  });
  await seed(instances[0]!.orm, { authors: 100, articles });
  const balancer: Balancer = await startBalancer(instances.map((instance) => instance.port));
  stops.push(() => balancer.stop());
  lines.push(
    `${title}:`,
    ...instances.map((instance, index) => `  ${instance.name}  http://127.0.0.1:${instance.port}  (database: ${databases[index]!.url})`),
    `  HAProxy  ${balancer.origin}  round-robin: ${balancer.origin}/graphql, ${balancer.origin}/api/articles/cursor`,
  );
}

async function main(): Promise<void> {
  if (!['both', 'postgresql', 'galera'].includes(which)) throw new Error(`usage: npm run scale-out [-- postgresql | galera], not ${which}`);
  await stopStaleRigs();
  const lines: string[] = [];
  const started = performance.now();
  if (which !== 'galera') {
    const pair = await startPgReplica();
    stops.push(() => pair.stop());
    lines.push(`PostgreSQL primary ${pair.primaryUrl}, streaming replica ${pair.replicaUrl} (${Math.round(pair.startMs)} ms)`);
    await front(
      'Instances writing to the primary, reading pages and counts from the replica',
      'pg-demo',
      [1, 2, 3].map(() => ({ url: pair.primaryUrl, replicas: [pair.replicaUrl] })),
      lines,
    );
  }
  if (which !== 'postgresql') {
    const cluster = await startGalera();
    stops.push(() => cluster.stop());
    lines.push(`Galera nodes ${cluster.urls.join(', ')} (${Math.round(cluster.startMs)} ms)`);
    await front(
      'Instances on one Galera node each',
      'galera-demo',
      cluster.urls.map((url) => ({ url })),
      lines,
    );
  }
  console.log(
    `\nThe scale-out rig is up in ${((performance.now() - started) / 1000).toFixed(1)} s (${articles} articles each):\n${lines.join('\n')}\n`,
  );
  console.log('Each answer names its instance in the x-pagewise-instance header. Stop with Ctrl+C.');
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping the rig…');
  for (const one of stops.reverse()) await one().catch((error: unknown) => console.error(error));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
});
