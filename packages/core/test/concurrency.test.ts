import { ByteBudget, Semaphore, mapLimited } from '../src/concurrency.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('mapLimited keeps the order and never runs more than the width', async () => {
  let running = 0;
  let most = 0;
  const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n, i) => {
    running++;
    most = Math.max(most, running);
    for (let k = 0; k < n; k++) await tick();
    running--;
    return `${i}:${n}`;
  });
  expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
  expect(most).toBe(2);
});

test('mapLimited stops taking items after a failure, waits for the running ones, throws the first error', async () => {
  const started: number[] = [];
  let finished = 0;
  const run = mapLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
    started.push(n);
    await tick();
    if (n === 2) throw new Error('two failed');
    await tick();
    finished++;
    return n;
  });
  await expect(run).rejects.toThrow('two failed');
  expect(started).toEqual([1, 2]);
  expect(finished).toBe(1);
});

test('mapLimited over nothing, and a width that is not a whole number', async () => {
  expect(await mapLimited([], 3, async () => 1)).toEqual([]);
  await expect(mapLimited([1], 0, async () => 1)).rejects.toThrow(RangeError);
});

test('Semaphore: holders queue in order; a release twice gives back one slot', async () => {
  const s = new Semaphore(1);
  const order: string[] = [];
  const first = await s.acquire();
  const second = s.run(async () => order.push('second'));
  const third = s.run(async () => order.push('third'));
  await tick();
  expect(s.inFlight).toBe(1);
  expect(order).toEqual([]);
  first();
  first();
  await Promise.all([second, third]);
  expect(order).toEqual(['second', 'third']);
  expect(s.inFlight).toBe(0);
});

test('ByteBudget: tasks wait until their bytes fit; one larger than the budget runs alone', async () => {
  const budget = new ByteBudget(10);
  const order: string[] = [];
  let most = 0;
  const task = (name: string, length: number, ticks: number) =>
    budget.run(length, async () => {
      order.push(`${name}+`);
      most = Math.max(most, budget.inFlight);
      for (let k = 0; k < ticks; k++) await tick();
      order.push(`${name}-`);
    });
  await Promise.all([task('a', 6, 3), task('b', 6, 1), task('c', 4, 1), task('huge', 50, 1)]);
  expect(most).toBeLessThanOrEqual(10);
  // b (6) waits for a (6); c (4) fits next to a; huge takes the whole budget, alone.
  expect(order.indexOf('b+')).toBeGreaterThan(order.indexOf('a-'));
  expect(order.indexOf('c+')).toBeLessThan(order.indexOf('a-'));
  const hugeStart = order.indexOf('huge+');
  expect(order[hugeStart + 1]).toBe('huge-');
  expect(budget.inFlight).toBe(0);
  expect(() => new ByteBudget(0)).toThrow(RangeError);
});
