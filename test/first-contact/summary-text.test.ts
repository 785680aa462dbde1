/**
 * `npm start` prints each job summary as terminal text. Review text is HTML-escaped in the
 * summary (it is hostile); in the terminal it must read as the text the customer wrote, in
 * tables as well as in paragraphs and lists, never vanish as if it were a tag.
 */
import { escapeHtml } from '@asc-actions/core';
import { summaryToText } from '../../scripts/lib/summary-text.js';

const review = 'Great <b>app</b> & "fast" <script>alert(1)</script>';

test('escaped text in a table cell renders as the original text', () => {
  const html = `<h3>Replies</h3>\n<table><tr><th>nickname</th><th>review</th></tr><tr><td>${escapeHtml('<i>ada</i>')}</td><td>${escapeHtml(review)}</td></tr></table>`;
  const text = summaryToText(html);
  expect(text).toContain('<i>ada</i>');
  expect(text).toContain(review);
  expect(text).toMatch(/^### Replies$/m);
});

test('escaped text in paragraphs, lists and headings renders as text; real tags are dropped', () => {
  const html = `<h3>${escapeHtml('Reply to <b>')}</h3>\n<p><strong>Error:</strong> ${escapeHtml(review)}</p>\n<ul><li>${escapeHtml('a < b')}</li></ul>`;
  const text = summaryToText(html);
  expect(text).toContain('### Reply to <b>');
  expect(text).toContain(`Error: ${review}`);
  expect(text).toContain('• a < b');
  expect(text).not.toContain('<strong>');
});
