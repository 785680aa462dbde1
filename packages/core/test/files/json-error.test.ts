import { describeJsonError } from '../../src/files/json-error.js';

function refusal(text: string): ReturnType<typeof describeJsonError> {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeJsonError(error, text);
  }
  throw new Error('the text parsed');
}

test.each([
  ['{"description": SECRET-VALUE-123}', 1, 'an unexpected character'],
  ['{\n  "a": 1,\n  "b": SECRET-VALUE-123\n}', 3, 'an unexpected character'],
  ['{"a": "SECRET-VALUE-123', 1, 'the text ends too early'],
  ['{\n  "a": 1,\n}', 3, 'double-quoted property name'],
])('a JSON refusal names line and reason, never the text: %j', (text, line, reason) => {
  const found = refusal(text);
  expect(found.line).toBe(line);
  expect(found.reason).toContain(reason);
  expect(JSON.stringify(found)).not.toMatch(/SECRET|VALUE|description/);
});
