import { IdentifierFormats } from './identifier-formats';

describe('IdentifierFormats', () => {
  it('accepts RFC 5646 tags and refuses others', () => {
    for (const tag of ['en', 'en-US', 'zh-Hans-CN', 'zh-cmn-Hans-CN', 'es-419', 'de-CH-1901', 'x-private', 'i-klingon', 'en-a-bbb-x-a-ccc']) {
      expect([tag, IdentifierFormats.isLanguageTag(tag)]).toEqual([tag, true]);
    }
    for (const tag of ['', 'english!', 'en_US', 'e', 'en--US', 'toolongtag']) {
      expect([tag, IdentifierFormats.isLanguageTag(tag)]).toEqual([tag, false]);
    }
  });

  it('checks IRIs, UUIDs and mailto IRIs', () => {
    expect(IdentifierFormats.isIri('https://例え.jp/パス')).toBe(true);
    expect(IdentifierFormats.isIri('urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0')).toBe(true);
    expect(IdentifierFormats.isIri('/relative/path')).toBe(false);
    expect(IdentifierFormats.isIri('http://a b')).toBe(false);
    expect(IdentifierFormats.isUrnUuid('urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0')).toBe(true);
    expect(IdentifierFormats.isUrnUuid('fd41c918-b88b-4b20-a0a5-a4c32391aaa0')).toBe(false);
    expect(IdentifierFormats.isMailtoIri('mailto:a@b.org')).toBe(true);
    expect(IdentifierFormats.isMailtoIri('a@b.org')).toBe(false);
    expect(IdentifierFormats.httpOrigin('HTTPS://Canvas.Example.EDU:8443/users/1')).toBe('https://canvas.example.edu:8443');
    expect(IdentifierFormats.httpOrigin('urn:uuid:x')).toBeNull();
  });
});
