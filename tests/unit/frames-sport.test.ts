/**
 * The sport and celebration frame: a ballot-like number, a finger sign or a name-and-number
 * hashtag in a post about a match, a game, a birthday or an anniversary is not campaigning — unless
 * the post also holds an election word, a party, a campaign call or a candidate beside the sign.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';
import { withShippedModel } from '../../lib/model/node';

const rulesOnly = createEngine();
const detector = withShippedModel(createEngine());

describe('sport, games and celebrations', () => {
  it.each([
    'Salam lima jari buat anak-anak tim voli putri, besok lawan kecamatan sebelah 🖐️',
    'Nomor 2 ✌️ kapten tim futsal kami, dua gol malam ini',
    'Mabar nanti malam, aku pakai hero nomor 3 ☝️ jangan telat ya',
    'Selamat ulang tahun jagoan kecilku, sudah tujuh tahun aja 🎂 #Gibran7',
    'Happy anniversary ke-2 sayang, salam dua jari ✌️ makin kompak terus',
    'Dirgahayu sekolah kami yang ke-3! ☝️🎉',
  ])('the rules and the model stay quiet: %s', (s) => {
    expect(rulesOnly.analyze(s).findings).toEqual([]);
    expect(rulesOnly.inspect(s).frames.map((f) => f.id)).toContain('olahraga-perayaan');
    expect(detector.analyze(s).verdict).toBe('ok');
  });

  it.each([
    'Habis latihan futsal langsung ke kampanye akbar, salam dua jari ✌️',
    'Ulang tahun ke-40 tapi pilihan tetap satu: coblos nomor 1 ☝️',
    'Selamat ulang tahun Pak Prabowo ✌️',
    'Nobar final voli di posko, dukung Ganjar sampai menang 🖐️',
    'HUT partai ke-25, salam tiga jari untuk semua kader 🤟',
    'Main game sambil pakai twibbon Anies ☝️',
  ])('a real chant or call keeps its finding: %s', (s) => {
    expect(rulesOnly.inspect(s).frames.map((f) => f.id)).not.toContain('olahraga-perayaan');
    expect(detector.analyze(s).verdict).toBe('violation');
  });
});
