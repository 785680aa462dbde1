import * as root from '@asc-actions/core';
import * as action from '@asc-actions/core/action';
import * as api from '@asc-actions/core/api';
import * as http from '@asc-actions/core/http';

test.each([
  ['action', action, 'runAction'],
  ['api', api, 'findApp'],
  ['http', http, 'createAscClient'],
])('@asc-actions/core/%s holds its layer, and the root entry re-exports it', (_name, layer, example) => {
  expect(Object.keys(layer)).toContain(example);
  for (const [name, value] of Object.entries(layer))
    expect([name, (root as Record<string, unknown>)[name]]).toEqual([name, value]);
});

test('the layers do not overlap', () => {
  const names = [action, api, http].flatMap((layer) => Object.keys(layer));
  expect(new Set(names).size).toBe(names.length);
});
