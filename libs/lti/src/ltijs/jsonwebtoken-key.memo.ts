import { createPrivateKey, createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { dirname } from 'node:path';

type JwtModule = { sign: (...args: unknown[]) => unknown; verify: (...args: unknown[]) => unknown; __o2oKeyMemo?: boolean };

const MAX_KEYS = 100;

function memo(convert: (text: string) => KeyObject): (text: string) => KeyObject {
  const keys = new Map<string, KeyObject>();
  return (text) => {
    let key = keys.get(text);
    if (!key) {
      key = convert(text);
      if (keys.size >= MAX_KEYS) keys.clear();
      keys.set(text, key);
    }
    return key;
  };
}

/**
 * jsonwebtoken 9 turns every string secret into a KeyObject on every call, first trying it as a PEM key and failing
 * (~0.45 ms of OpenSSL errors per launch token ltijs signs). This remembers the conversion per secret, with exactly
 * the same rules, in the copy of jsonwebtoken ltijs loads. Only our host calls it; the benchmark's bare ltijs does not.
 */
export function memoizeJsonwebtokenKeys(): void {
  const path = require.resolve('jsonwebtoken', { paths: [dirname(require.resolve('ltijs'))] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jwt = require(path) as JwtModule;
  if (jwt.__o2oKeyMemo) return;
  const signingKey = memo((text) => {
    try {
      return createPrivateKey(text);
    } catch {
      return createSecretKey(Buffer.from(text));
    }
  });
  const verifyingKey = memo((text) => {
    try {
      return createPublicKey(text);
    } catch {
      return createSecretKey(Buffer.from(text));
    }
  });
  const { sign, verify } = jwt;
  jwt.sign = function memoSign(this: unknown, payload: unknown, secret: unknown, ...rest: unknown[]) {
    return sign.call(this, payload, typeof secret === 'string' ? signingKey(secret) : secret, ...rest);
  };
  jwt.verify = function memoVerify(this: unknown, token: unknown, secret: unknown, ...rest: unknown[]) {
    return verify.call(this, token, typeof secret === 'string' ? verifyingKey(secret) : secret, ...rest);
  };
  jwt.__o2oKeyMemo = true;
}
