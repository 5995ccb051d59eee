/**
 * Admin commands: signing rule packs and checking a policy before rollout.
 *
 *   jaga-netral pack keygen --out NAME          NAME.key (private, keep it secret) and NAME.pub (for packPublicKey)
 *   jaga-netral pack sign FILE --key NAME.key   validates FILE, writes FILE.sig (base64 Ed25519 over FILE's exact bytes)
 *   jaga-netral pack verify FILE --public-key KEY|NAME.pub   checks FILE against FILE.sig
 *   jaga-netral policy check FILE               a policy file (Chrome/Edge JSON, Firefox policies.json or the bare settings)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { nationalPack } from '../lib/packs';
import { contextOf, formatErrors, parseAndValidatePack, validatePack } from '../lib/rules/validate';
import { generateKeyPair, rawPublicKey, signPack, verifyPack } from '../lib/policy/signature';
import { parsePolicy } from '../lib/policy/policy';
import type { RulePack } from '../lib/rules/types';

export const CHROME_ID = 'mekapaehnloejpjllmbgdepkmodmjhin';
export const FIREFOX_ID = 'jaga-netral@jaga-netral.id';

export interface AdminIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export class AdminUsageError extends Error {}
export class AdminInputError extends Error {}

function take(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new AdminUsageError(`--${name} needs a value`);
  argv.splice(i, 2);
  return v;
}

function read(file: string): Buffer {
  if (!existsSync(file)) throw new AdminInputError(`${file}: no such file`);
  return readFileSync(file);
}

export async function packKeygen(argv: string[], io: AdminIo): Promise<number> {
  const out = take(argv, 'out');
  if (!out || argv.length) throw new AdminUsageError('pack keygen takes --out NAME (writes NAME.key and NAME.pub)');
  for (const f of [`${out}.key`, `${out}.pub`]) if (existsSync(f)) throw new AdminInputError(`${f} already exists; not overwriting a key`);
  const { publicKey, privateKey } = await generateKeyPair();
  writeFileSync(`${out}.key`, `${privateKey}\n`, { mode: 0o600 });
  writeFileSync(`${out}.pub`, `${publicKey}\n`);
  io.stdout.write(`private key: ${out}.key (keep it secret, off the web server)\npublic key:  ${out}.pub\npackPublicKey for the policy: ${publicKey}\n`);
  return 0;
}

export async function packSign(argv: string[], io: AdminIo): Promise<number> {
  const key = take(argv, 'key');
  if (!key || argv.length !== 1) throw new AdminUsageError('pack sign takes FILE --key NAME.key');
  const file = argv[0]!;
  const bytes = read(file);
  const r = parseAndValidatePack(bytes.toString('utf8'), contextOf([nationalPack]));
  if (!r.ok) {
    for (const e of r.errors) io.stderr.write(`${file}: ${e.path}: ${e.message}\n`);
    io.stderr.write(`${file}: not signed: fix the pack first\n`);
    return 1;
  }
  let sig: string;
  try {
    sig = await signPack(new Uint8Array(bytes), read(key).toString('utf8').trim());
  } catch (e) {
    throw new AdminInputError(`${key}: not a private key from 'pack keygen' (${(e as Error).message})`);
  }
  writeFileSync(`${file}.sig`, `${sig}\n`);
  io.stdout.write(`signed: ${file}.sig (publish it next to ${file}; upload both byte for byte)\n`);
  return 0;
}

export async function packVerify(argv: string[], io: AdminIo): Promise<number> {
  let pub = take(argv, 'public-key');
  if (!pub || argv.length !== 1) throw new AdminUsageError('pack verify takes FILE --public-key KEY (base64, or a .pub file)');
  if (existsSync(pub)) pub = readFileSync(pub, 'utf8').trim();
  const file = argv[0]!;
  const ok = await verifyPack(new Uint8Array(read(file)), read(`${file}.sig`).toString('utf8'), pub).catch((e: Error) => {
    throw new AdminInputError(`${file}.sig: ${e.message}`);
  });
  if (!ok) {
    io.stderr.write(`${file}: signature does NOT match (changed after signing, or signed with another key)\n`);
    return 1;
  }
  io.stdout.write(`ok: ${file} matches ${file}.sig\n`);
  return 0;
}

/** The extension's own settings out of a Chrome/Edge policy file, a Firefox policies.json, or the bare object. */
function extractPolicy(data: unknown): { policy: unknown; where: string } {
  const o = data as Record<string, any>;
  const chrome = o?.['3rdparty']?.extensions?.[CHROME_ID];
  if (chrome) return { policy: chrome, where: `3rdparty.extensions.${CHROME_ID}` };
  const firefox = o?.policies?.['3rdparty']?.Extensions?.[FIREFOX_ID];
  if (firefox) return { policy: firefox, where: `policies.3rdparty.Extensions.${FIREFOX_ID}` };
  if (o?.['3rdparty'] || o?.policies) throw new AdminInputError(`no settings for Jaga Netral: expected 3rdparty.extensions.${CHROME_ID} (Chrome/Edge) or policies.3rdparty.Extensions.${FIREFOX_ID} (Firefox)`);
  return { policy: data, where: '(bare settings)' };
}

export function policyCheck(argv: string[], io: AdminIo): number {
  if (argv.length !== 1) throw new AdminUsageError('policy check takes one FILE');
  const file = argv[0]!;
  let data: unknown;
  try {
    data = JSON.parse(read(file).toString('utf8'));
  } catch (e) {
    if (e instanceof AdminInputError) throw e;
    throw new AdminInputError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const { policy: raw, where } = extractPolicy(data);
  const { policy, problems } = parsePolicy(raw);
  let bad = problems.length;
  for (const p of problems) io.stderr.write(`${file}: ${p.path}: ${p.message}\n`);
  if (policy.packPublicKey) {
    try {
      rawPublicKey(policy.packPublicKey);
    } catch (e) {
      bad++;
      io.stderr.write(`${file}: $.packPublicKey: not an Ed25519 public key from 'pack keygen' (${(e as Error).message})\n`);
    }
  }
  const loaded: RulePack[] = [nationalPack];
  policy.packs.forEach((p) => {
    if (!('inline' in p)) return;
    const i = p.index;
    const r = validatePack(p.inline, contextOf(loaded));
    if (r.ok) loaded.push(r.pack);
    else {
      bad++;
      io.stderr.write(`${file}: $.packs[${i}].inline: ${formatErrors(r.errors).replace(/\n/g, `\n${file}: $.packs[${i}].inline: `)}\n`);
    }
  });
  io.stdout.write(
    `${bad ? 'problems found' : 'ok'}: ${where}: mode ${policy.mode ?? 'warn (default)'}, sites ${policy.sites?.join(', ') ?? 'all (default)'}, ` +
      `${policy.packs.length} pack(s)${policy.packPublicKey ? ', signed' : ''}, locked ${policy.locked.join(', ') || 'nothing'}` +
      `${policy.agency ? `, agency ${policy.agency.name}` : ''}\n`,
  );
  return bad ? 1 : 0;
}
