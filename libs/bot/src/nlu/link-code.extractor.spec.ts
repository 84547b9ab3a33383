import { extractLinkCode } from './link-code.extractor';

describe('extractLinkCode', () => {
  it.each([
    ['my code is 4F7K2Q', '4F7K2Q'],
    ['here: 839201', '839201'],
    ['link me with ab12cd34', 'AB12CD34'],
    ['验证码AB12CD', 'AB12CD'],
    ['验证码是７ＱＸ９３Ｋ', '7QX93K'],
    ['the code is ABC-123', 'ABC123'],
    ['K7M2PX', 'K7M2PX'],
    ['link TSMYZMJ6', 'TSMYZMJ6'],
  ])('%s → %s', (text, code) => {
    expect(extractLinkCode(text)?.code).toBe(code);
  });

  it.each([
    'book the workshop',
    'PYTHONIC workshops',
    'python3 workshop',
    'windows7 laptop',
    'call 13812345678',
    'my code is 12345',
    'AB12CD34E',
    '12/12',
  ])('finds no code in %s', (text) => {
    expect(extractLinkCode(text)).toBeUndefined();
  });

  it('gives offsets into the original text', () => {
    expect(extractLinkCode('code: 4F7K2Q!')).toEqual({ code: '4F7K2Q', start: 6, end: 12 });
  });
});

describe('extractLinkCode on issued codes', () => {
  // The alphabet and rule of AccountLinkService.issue: 8 characters, at least one digit anywhere.
  const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  it('finds every shape of issued code', () => {
    let seed = 7;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let i = 0; i < 5000; i++) {
      const chars = Array.from({ length: 8 }, () => ALPHABET[random(ALPHABET.length)]);
      chars[random(8)] = '23456789'[random(8)];
      const code = chars.join('');
      expect([code, extractLinkCode(`link ${code}`)?.code]).toEqual([code, code]);
    }
  });
});
