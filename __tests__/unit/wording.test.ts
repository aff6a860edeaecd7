import { describe, expect, test } from '@jest/globals';
import { parse, parseDocument } from 'yaml';
import { yamlErrorText } from '../../src/errors.js';
import { countOf, daysText, sentence } from '../../src/text/wording.js';

describe('wording', () => {
  test.each([
    [0, 'resource', undefined, '0 resources'],
    [1, 'resource', undefined, '1 resource'],
    [1, 'error', undefined, '1 error'],
    [2, 'version', undefined, '2 versions'],
    [3, 'entry', 'entries', '3 entries'],
  ])('countOf(%p, %p)', (count, noun, plural, text) => expect(countOf(count, noun, plural)).toBe(text));

  test.each([
    [0, 'less than a day'],
    [1, '1 day'],
    [14, '14 days'],
  ])('daysText(%p)', (days, text) => expect(daysText(days)).toBe(text));

  test.each([
    ['give the token contents: write on the repository.', 'give the token contents: write on the repository.'],
    ['Resource not accessible by integration', 'Resource not accessible by integration.'],
    ['ends twice.. ', 'ends twice.'],
  ])('sentence(%p) ends once', (text, expected) => expect(sentence(text)).toBe(expected));
});

describe('yamlErrorText: the parser message without its code frame', () => {
  const thrown = (text: string): unknown => {
    try {
      parse(text, { prettyErrors: true });
    } catch (error) {
      return error;
    }
    throw new Error('parsed');
  };
  test('a thrown error ends with its place, not a dangling colon', () => {
    expect(yamlErrorText(thrown('a: 1\nb: [\n'))).toBe('Flow sequence in block collection must be sufficiently indented and end with a ] (line 3, column 1)');
  });
  test("a document's first error", () => {
    const document = parseDocument('images:\n- name: web\n  newTag: [unclosed\n', { prettyErrors: true });
    expect(yamlErrorText(document.errors[0])).toMatch(/ \(line 4, column 1\)$/);
  });
  test('a message with no place is kept, without a trailing colon', () => expect(yamlErrorText(new Error('Unexpected end:'))).toBe('Unexpected end'));
});
