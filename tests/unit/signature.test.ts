import { describe, expect, it } from 'vitest';
import { fromBase64, generateKeyPair, rawPublicKey, signPack, toBase64, verifyPack } from '../../lib/policy/signature';

const enc = (s: string) => new TextEncoder().encode(s);

describe('Ed25519 pack signatures', () => {
  it('a signature made by pack sign verifies over the exact bytes, and nothing else', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    const data = enc('{"id":"pilkada-bandung","version":"1"}\n');
    const sig = await signPack(data, privateKey);
    expect(fromBase64(sig)).toHaveLength(64);
    await expect(verifyPack(data, sig, publicKey)).resolves.toBe(true);
    // one byte changed, a trailing newline dropped: refused
    await expect(verifyPack(enc('{"id":"pilkada-bandung","version":"2"}\n'), sig, publicKey)).resolves.toBe(false);
    await expect(verifyPack(enc('{"id":"pilkada-bandung","version":"1"}'), sig, publicKey)).resolves.toBe(false);
    // signed with another key: refused
    const other = await generateKeyPair();
    await expect(verifyPack(data, sig, other.publicKey)).resolves.toBe(false);
    // a .sig file with a trailing newline is fine
    await expect(verifyPack(data, `${sig}\n`, publicKey)).resolves.toBe(true);
  });

  it('accepts the public key as 32 raw bytes or as SPKI DER', async () => {
    const { publicKey, privateKey } = await generateKeyPair();
    const raw = fromBase64(publicKey);
    const spki = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, ...raw]);
    expect(rawPublicKey(toBase64(spki))).toEqual(raw);
    const data = enc('x');
    await expect(verifyPack(data, await signPack(data, privateKey), toBase64(spki))).resolves.toBe(true);
  });

  it('malformed keys and signatures are errors that say what is wrong', async () => {
    const { publicKey } = await generateKeyPair();
    await expect(verifyPack(enc('x'), 'not base64!', publicKey)).rejects.toThrow(/base64/);
    await expect(verifyPack(enc('x'), toBase64(new Uint8Array(10)), publicKey)).rejects.toThrow(/64 bytes/);
    await expect(verifyPack(enc('x'), toBase64(new Uint8Array(64)), toBase64(new Uint8Array(16)))).rejects.toThrow(/32 bytes/);
  });
});
