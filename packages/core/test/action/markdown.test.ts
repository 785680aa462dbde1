import { escapeHtml, escapeMarkdown } from '../../src/action/markdown.js';

test.each([
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
  ['a.b (c)', 'a.b (c)'],
])('escapeHtml(%s)', (input, expected) => {
  expect(escapeHtml(input)).toBe(expected);
});

test.each([
  ['**bold** [link](http://x)', '\\*\\*bold\\*\\* \\[link\\]\\(http://x\\)'],
  ['<img src=x>', '&lt;img src=x&gt;'],
  ['line one\nline two', 'line one line two'],
  ['| a | b |', '\\| a \\| b \\|'],
])('escapeMarkdown(%s)', (input, expected) => {
  expect(escapeMarkdown(input)).toBe(expected);
});

test('escapeMarkdown keeps the entity of an apostrophe intact', () => {
  expect(escapeMarkdown("It's #1")).toBe('It&#39;s \\#1');
});
