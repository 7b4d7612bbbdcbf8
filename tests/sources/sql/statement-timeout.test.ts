// The statement bound shared by the SQL sources: one deadline list per bound, a timer armed for the
// oldest statement, expiring only the statements that overrun.
import { PaginationError } from 'pagewise';
import { boundedStatements } from '../../../src/sources/sql/statement-timeout';

const never = () => new Promise<never>(() => undefined);
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

function runner(limit: number) {
  const expired: string[] = [];
  const run = boundedStatements<{ name: string }>(limit, {
    start: () => ({ name: '' }),
    run: (_state, statement) => statement(),
    expire: ({ name }) => expired.push(name),
    guarded: (_what, statement) => statement(),
  });
  return { run, expired };
}

describe('boundedStatements', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a statement that ends in time, and expires one that does not', async () => {
    const { run, expired } = runner(40);
    await expect(run('page', () => after(5, 'rows'))).resolves.toBe('rows');
    const started = Date.now();
    const hung = run('page', never);
    await expect(hung).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(expired).toHaveLength(1);
  });

  it('expires only the overrunning statement among overlapping ones, each at its own time', async () => {
    const { run, expired } = runner(60);
    const quick = Array.from({ length: 20 }, (_, index) => run('page', () => after(index, index)));
    const hung = run('count', never);
    const later = after(30, null).then(() => run('page', never));
    await expect(Promise.all(quick)).resolves.toHaveLength(20);
    const hungAt = Date.now();
    await expect(hung).rejects.toThrow(/within 60 ms\) while running the count query/);
    const laterError = await later.catch((error: unknown) => error);
    expect(laterError).toBeInstanceOf(PaginationError);
    // The second hung statement started 30 ms after the first: it falls due that much later.
    expect(Date.now() - hungAt).toBeGreaterThanOrEqual(20);
    expect(expired).toHaveLength(2);
  });

  it('ignores the answer of a statement that came after its time ran out', async () => {
    const { run } = runner(20);
    const late = run('page', () => after(60, 'late'));
    await expect(late).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    const lateFailure = run('page', () => after(60, null).then(() => Promise.reject(new Error('late'))));
    await expect(lateFailure).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    await after(80, null);
  });

  it('passes a statement that throws at once through, still watching the next', async () => {
    const { run, expired } = runner(30);
    await expect(
      run('page', () => {
        throw new Error('bad SQL');
      }),
    ).rejects.toThrow('bad SQL');
    await expect(run('page', never)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(expired).toHaveLength(1);
  });

  it('times out under fake timers installed after a real timer was armed, and under real ones after', async () => {
    const { run } = runner(1000);
    // A statement under real timers arms the list's timer, which stays armed after it is answered.
    await expect(run('page', () => after(5, 'rows'))).resolves.toBe('rows');
    jest.useFakeTimers();
    const hung = run('page', never);
    let failed: unknown;
    hung.catch((error: unknown) => {
      failed = error;
    });
    jest.advanceTimersByTime(1001);
    // Expired by the fake clock itself, not by the real timer armed before (a second later).
    for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
    expect(failed).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    const answered = run('page', () => Promise.resolve('rows'));
    await expect(answered).resolves.toBe('rows');
    jest.useRealTimers();
    // The fake timer armed last never fires now: a real one is armed for the next statement.
    const { run: short } = runner(1000);
    const started = Date.now();
    await expect(short('page', never)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
