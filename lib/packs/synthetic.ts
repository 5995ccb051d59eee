/**
 * A large, deterministic regional pack for benchmarks and property tests, built through the same
 * path an admin's CSV takes: invented tickets over many regions until the pack holds `names` names
 * (names + weak names + hashtags: each ticket gives two full names, a pair name, four weak names and
 * a hashtag), or exactly `tickets` tickets when given.
 */
import { buildRegionalPack } from './regional';
import type { RulePack } from '../rules/types';

const SYL = ['ba', 'di', 'ko', 'ru', 'sa', 'ti', 'wa', 'ni', 'le', 'mo', 'pu', 'ha', 'je', 'ga', 'ri', 'yo', 'fe', 'zu', 'ce', 'na'];

function word(i: number, len: number): string {
  let s = '';
  let x = i * 7919 + 13;
  for (let k = 0; k < len; k++) {
    s += SYL[x % SYL.length];
    x = Math.floor(x / SYL.length) + k * 31 + 7;
  }
  return s[0]!.toUpperCase() + s.slice(1);
}

export function syntheticRegionalPack(names = 2000, opts: { tickets?: number } = {}): RulePack {
  const rows = [];
  const tickets = opts.tickets ?? Math.ceil(names / 8);
  for (let t = 0; t < tickets; t++) {
    const region = `Kabupaten ${word(t % 250, 3)}`;
    rows.push({
      election: 'Pilkada 2029',
      region,
      number: Math.floor(t / 250) + 1,
      candidate: `${word(2 * t, 2)} ${word(2 * t + 1, 3)}`,
      running_mate: `${word(2 * t + 5000, 2)} ${word(2 * t + 5001, 3)}`,
      aliases: [`#${word(2 * t, 2)}${word(2 * t + 5000, 2)}`],
    });
  }
  return buildRegionalPack(rows, { id: 'sintetis-2000' });
}
