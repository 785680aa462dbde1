import { csvCell, csvRow, toCsv } from '../src/csv.js';

test.each([
  ['plain', 'plain'],
  ['a,b', '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
  ['two\nlines', '"two\nlines"'],
  [' padded', '" padded"'],
  ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ['+1 555', "'+1 555"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['-2+3+cmd|x', "'-2+3+cmd|x"],
  ['\tTAB', "'\tTAB"],
  ['-1', '-1'],
  ['+4.99', '+4.99'],
])('csvCell(%p) is %p', (text, cell) => {
  expect(csvCell(text)).toBe(cell);
});

test('numbers, booleans and empty values', () => {
  expect(csvRow([-1, true, null, undefined, 0])).toBe('-1,true,,,0\r\n');
});

test('toCsv: a header and the columns in order', () => {
  expect(toCsv(['b', 'a'] as const, [{ a: 1, b: 'x' }, { a: '=1' }])).toBe("b,a\r\nx,1\r\n,'=1\r\n");
});

test('byte strings (one character per UTF-8 byte): only ASCII space and tab are outer space', () => {
  const voila = Buffer.from('Voilà', 'utf8').toString('latin1'); // ends in the byte 0xA0
  expect(csvCell(voila, { byteString: true })).toBe(voila);
  expect(csvCell(voila)).toBe(`"${voila}"`);
  expect(csvCell(' x', { byteString: true })).toBe('" x"');
  expect(csvCell('=1+1', { byteString: true })).toBe("'=1+1");
  expect(csvCell('-1', { byteString: true })).toBe('-1');
});
