import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

/**
 * A fresh RS256 key pair for one registration. ltijs generates 4096-bit keys synchronously, which blocks the event
 * loop for a second or more; 2048 bits (what LMSs use themselves) generated asynchronously keeps the host responsive.
 */
export async function generateToolKeyPair(): Promise<{ publicPem: string; privatePem: string }> {
  const { publicKey, privateKey } = await generate('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicPem: publicKey as unknown as string, privatePem: privateKey as unknown as string };
}
