/**
 * Ed25519 signatures over rule packs, through WebCrypto (Chromium, Firefox and Node 20 all have it).
 *
 * Format: the signature of a pack at URL is at `URL.sig`, and holds the base64 of the 64-byte
 * Ed25519 signature over the exact bytes of the pack file (no re-serialising, no trimming).
 * The public key in the policy (`packPublicKey`) is base64 of the 32 raw key bytes, or of the
 * SPKI DER form (what `openssl pkey -pubout -outform DER` gives). `jaga-netral pack keygen` and
 * `jaga-netral pack sign` produce both halves.
 */

export class SignatureError extends Error {}

export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new SignatureError('not valid base64');
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** SPKI DER prefix of an Ed25519 public key (RFC 8410): the 32 raw key bytes follow. */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

export function rawPublicKey(base64: string): Uint8Array {
  const bytes = fromBase64(base64);
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && SPKI_PREFIX.every((b, i) => bytes[i] === b)) return bytes.slice(12);
  throw new SignatureError(`an Ed25519 public key is 32 bytes (or 44 as SPKI); this one is ${bytes.length}`);
}

const buf = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/** True if `signatureB64` is a valid Ed25519 signature of `data` by `publicKeyB64`. Throws on a malformed key or signature. */
export async function verifyPack(data: Uint8Array, signatureB64: string, publicKeyB64: string): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', buf(rawPublicKey(publicKeyB64)), { name: 'Ed25519' }, false, ['verify']);
  const sig = fromBase64(signatureB64.trim());
  if (sig.length !== 64) throw new SignatureError(`an Ed25519 signature is 64 bytes; this one is ${sig.length}`);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, buf(sig), buf(data));
}

/** A new key pair: public as base64 raw (for the policy), private as base64 PKCS#8 (keep it secret). */
export async function generateKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pub = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const priv = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: toBase64(pub), privateKey: toBase64(priv) };
}

/** Sign bytes with a base64 PKCS#8 private key; returns the base64 signature (the .sig file's content). */
export async function signPack(data: Uint8Array, privateKeyB64: string): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', buf(fromBase64(privateKeyB64)), { name: 'Ed25519' }, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, buf(data))));
}
