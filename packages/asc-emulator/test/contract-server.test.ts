/**
 * The run's shared contract validator (worker/contract-server.mjs, started by the test run's
 * global setup) answers exactly as the per-process worker thread does, and emulators in a test
 * run use it: the spec is loaded once per run, not once per test file.
 */
import { resolve } from 'node:path';
import { loadSpecContract } from '../src/contract/spec-contract.js';
import { SPEC_PATH } from './support/harness.js';

const spec = SPEC_PATH!;

test('the test run provides a contract server for the spec in use', () => {
  expect(spec).toBeTruthy();
  expect(process.env.ASC_CONTRACT_SOCKET).toMatch(/asc-contract-\d+\.sock$/);
  expect(process.env.ASC_CONTRACT_SPEC).toBe(resolve(spec));
});

test('the shared server and a worker thread give the same answers, violations included', async () => {
  const shared = await loadSpecContract(spec);
  // Another spelling of the same path is another cache entry; with no socket in the environment it gets a worker.
  const socket = process.env.ASC_CONTRACT_SOCKET;
  delete process.env.ASC_CONTRACT_SOCKET;
  const own = await loadSpecContract(spec.replace(/([^/]+)$/, './$1'));
  process.env.ASC_CONTRACT_SOCKET = socket;
  try {
    expect(own).not.toBe(shared);
    const get = shared.match('GET', '/v1/apps');
    if (!get.operation) throw new Error('GET /v1/apps is in the spec');
    const bad = { method: 'GET', pathname: '/v1/apps', query: { limit: '201', 'filter[colour]': 'blue' } };
    const good = { method: 'GET', pathname: '/v1/apps', query: { limit: '2' } };
    const body = JSON.stringify({ data: [{ type: 'apps', id: '1', attributes: { name: 3 } }], links: { self: 'x' } });
    const answers = async (c: typeof shared) => [
      await c.validateRequest(get.operation, bad),
      await c.validateRequest(get.operation, good),
      await c.validateResponse(get.operation, 200, body),
    ];
    const [fromServer, fromWorker] = [await answers(shared), await answers(own)];
    expect(fromServer).toEqual(fromWorker);
    expect(fromServer[0]!.length).toBeGreaterThan(0);
    expect(fromServer[1]).toEqual([]);
    expect(fromServer[2]!.map((e) => e.instancePath).join()).toContain('/data/0/attributes/name');
  } finally {
    await own.stop();
  }
});
