import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for what ltijs stores encrypted (the tool's keys, access tokens). ltijs' own store uses AES-256-CBC
 * without integrity; GCM also detects a tampered row. The key is derived from the LTI secret with HKDF, so the
 * secret that signs cookies is never used directly as a cipher key.
 */
export class AesGcmCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'o2o-bridge', 'lti store aes-256-gcm', 32));
  }

  encrypt(plain: string): { iv: string; data: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { iv: iv.toString('hex'), data: body.toString('base64') };
  }

  decrypt(data: string, iv: string): string {
    const body = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'hex'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  }
}
