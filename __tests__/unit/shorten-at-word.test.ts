import { describe, expect, test } from '@jest/globals';
import { shortenAtWord } from '../../src/text/shorten-at-word.js';

const REFUSAL = 'HTTP protocol is not allowed when skipTLSVerify is not set or false';

describe('shortenAtWord', () => {
  test.each([
    ['a message that fits is whole', REFUSAL, 200, REFUSAL],
    ['exactly the limit is whole', REFUSAL, REFUSAL.length, REFUSAL],
    [
      'one short of the whole: the last word goes, an ellipsis says so',
      REFUSAL,
      REFUSAL.length - 1,
      'HTTP protocol is not allowed when skipTLSVerify is not set or…',
    ],
    ['cut at the last space that fits', REFUSAL, 30, 'HTTP protocol is not allowed…'],
    ['a separator before the cut is not left dangling', 'the server said: no, not today', 20, 'the server said: no…'],
    ['whitespace and newlines fold to single spaces', '  upstream\n  connect   error\r\n', 100, 'upstream connect error'],
    ['a long path breaks after a slash', 'open /var/lib/kubelet/pods/1234567890abcdef/volumes/kubernetes.io', 40, 'open /var/lib/kubelet/pods/…'],
    ['one token with no break at all is the only thing cut inside', 'a'.repeat(50), 10, `${'a'.repeat(9)}…`],
  ])('%s', (_title, text, max, expected) => {
    const shortened = shortenAtWord(text, max);
    expect(shortened).toBe(expected);
    expect(shortened.length).toBeLessThanOrEqual(max);
  });

  test('every cut of a sentence ends on a whole word of it', () => {
    const words = REFUSAL.split(' ');
    for (let max = 10; max < REFUSAL.length; max++) {
      const kept = shortenAtWord(REFUSAL, max).replace(/…$/, '').split(' ');
      expect(kept).toEqual(words.slice(0, kept.length));
    }
  });
});
