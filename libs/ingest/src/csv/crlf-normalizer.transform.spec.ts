import { Readable } from 'node:stream';
import { CrlfNormalizer } from './crlf-normalizer.transform';

async function run(chunks: string[]): Promise<{ text: string; bytes: number }> {
  const normalizer = new CrlfNormalizer();
  const parts: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(normalizer)) parts.push(chunk as Buffer);
  return { text: Buffer.concat(parts).toString(), bytes: normalizer.bytesRead };
}

describe('CrlfNormalizer', () => {
  it('turns CRLF into LF, also across chunk boundaries, and leaves lone CRs', async () => {
    expect(await run(['a\r\nb\r', '\nc\rd\r'])).toEqual({ text: 'a\nb\nc\rd\r', bytes: 10 });
    // CR CR LF: the first CR is a lone one and stays, the second pairs with the LF.
    expect(await run(['\r', '\r', '\n'])).toEqual({ text: '\r\n', bytes: 3 });
  });
});
