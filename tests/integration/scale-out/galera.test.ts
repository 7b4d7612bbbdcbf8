// The scale-out rig on a three-node MariaDB Galera cluster: three demo instances behind HAProxy, each
// on a node of its own, while the writer writes on the three nodes in turn. Each page of a walk comes
// from another instance and so from another node; cursor walks stay exact, offsets are reported.
import { balancerUnavailable, startBalancer, startInstances, type Balancer, type DemoInstance } from '../../support/balancer';
import { galeraUnavailable, startGalera, type GaleraCluster } from '../../support/galera';
import { describeRig, stopStaleRigs } from '../../support/rig-process';
import { walkSuite, type WalkRig } from './walk-suite';

jest.setTimeout(180_000);

const SETTINGS = { secret: 'scale-out secret for Galera, 2026-12' };

describeRig([galeraUnavailable(), balancerUnavailable()], 'scale-out: a three-node MariaDB Galera cluster behind HAProxy', () => {
  let cluster: GaleraCluster;
  let instances: DemoInstance[] = [];
  let balancer: Balancer;
  let rig: WalkRig;

  beforeAll(async () => {
    await stopStaleRigs();
    const started = performance.now();
    cluster = await startGalera();
    instances = await startInstances(
      cluster.urls.map((url) => ({ url })),
      SETTINGS,
    );
    balancer = await startBalancer(instances.map((instance) => instance.port));
    console.log(
      `Galera rig: three synced nodes in ${Math.round(cluster.startMs)} ms, three instances and HAProxy in ` +
        `${Math.round(performance.now() - started - cluster.startMs)} ms (${balancer.origin})`,
    );
    rig = { balancer, instances, writers: cluster.db, settle: () => cluster.settled() };
  });

  afterAll(async () => {
    await balancer?.stop();
    for (const instance of instances) await instance.stop();
    await cluster?.stop();
  });

  it('is three nodes of one cluster, each instance on its own node', async () => {
    for (const node of cluster.db) {
      const [rows] = (await node.raw("show status like 'wsrep_cluster_size'")) as [Array<{ Value: string }>];
      expect(rows[0]?.Value).toBe('3');
    }
    const ports = await Promise.all(
      instances.map(async (instance) => {
        const [row] = await instance.orm.em.fork().getConnection().execute<Array<{ port: number }>>('select @@port as port');
        return Number(row?.port);
      }),
    );
    expect(ports).toEqual(cluster.nodes.map((node) => node.port));
  });

  walkSuite('Galera (three nodes, one per instance)', () => rig, SETTINGS);
});
