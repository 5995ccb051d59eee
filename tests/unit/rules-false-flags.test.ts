import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';
import { stemCandidates } from '../../lib/text/stem';

const engine = createEngine();
const verdict = (t: string) => engine.analyze(t).verdict;
const rulesOf = (t: string) => engine.analyze(t).findings.map((f) => `${f.rule}:${f.severity}`);

describe('news that reports a campaign sign', () => {
  it('caps a hashtag or salute that a report names as what others displayed', () => {
    expect(rulesOf('Massa membentangkan spanduk #2019GantiPresiden di depan gedung DPRD, kata polisi')).toEqual(['tagar-kampanye:caution']);
    expect(rulesOf('Bawaslu memeriksa ASN yang berfoto dengan salam dua jari')).toEqual(['salam-jari:caution']);
    expect(verdict('Kapolres menyebut kaos #2019GantiPresiden dan #2019TetapJokowi dilarang di lokasi debat')).not.toBe('violation');
  });

  it("keeps a civil servant's own hashtag or salute a violation, news frame or not", () => {
    expect(verdict('Mantap, saya ikut! #2019GantiPresiden')).toBe('violation');
    // a news word in the post does not make the post's own hashtag a report
    expect(verdict('Kata Pak Prabowo kita harus bersatu. #PrabowoGibran2024')).toBe('violation');
    expect(verdict('Salam dua jari dari kantor kecamatan, kata pak camat ✌️')).toBe('violation');
  });
});

describe('ballot numbers and the stemmer', () => {
  it('reads "ke 2" as an ordinal, not a ballot number', () => {
    expect(verdict('lampu stopan ke 2 belok kiri')).toBe('ok');
    expect(verdict('stop di gang ke 3 ya, rumah cat hijau')).toBe('ok');
    expect(verdict('Pilih yg ke-2 aja di surat suara capres')).toBe('violation');
  });

  it('does not reduce words to three-letter particles, units or abbreviations', () => {
    for (const [word, root] of [['bersih', 'sih'], ['kemarin', 'mar'], ['dijamin', 'jam'], ['medan', 'dan'], ['mengaku', 'aku']] as const)
      expect([...stemCandidates(word)]).not.toContain(root);
    expect([...stemCandidates('mendukung')]).toContain('dukung');
    // "mengaku relawan" is a claim somebody makes, not the writer joining a campaign team
    expect(verdict('Warga melapor ada orang yang mengaku relawan minta foto KTP')).not.toBe('violation');
  });
});

describe('camp nicknames that are everyday words', () => {
  it('leaves a tadpole, a bat, an expletive, a wayang figure alone', () => {
    for (const t of ['kampret, macet lagi', 'anak-anak cari cebong di sawah', 'kampret kampret keluar dari goa pas magrib', 'lakon wayang semalam, togog lucu banget'])
      expect(verdict(t), t).toBe('ok');
  });

  it('keeps them where they name a camp or its voters', () => {
    expect(verdict('dasar cebong, kerjaannya muji presiden terus')).not.toBe('ok');
    expect(verdict('kampret, macet lagi gara-gara kampanye 02')).not.toBe('ok');
    expect(verdict('cebong dan kampret sama saja, cari cebong di sawah sana')).not.toBe('ok');
    expect(verdict('dasar kampret')).toBe('caution');
  });
});

describe('scouting, sport crowds, contests and community votes', () => {
  it('a salute or a number there is not campaigning', () => {
    expect(verdict('Salam tiga jari, salam kami anak pramuka waktu mengucapkan Tri Satya')).toBe('ok');
    expect(verdict('Salam satu jari dari tribun timur! Satu tim, satu hati')).toBe('ok');
    expect(verdict('Rapat anggota tahunan koperasi pegawai: calon nomor 2 menang tipis jadi ketua. Selamat!')).toBe('ok');
    expect(verdict('Lomba lari estafet kemarin seru, nomor 3 menang')).toBe('ok');
    expect(verdict('Festival band pelajar: SMA 3 menang, juara umum')).toBe('ok');
  });

  it('but a call to vote, a candidate or a ticket in the same post still is', () => {
    expect(verdict('Salam tiga jari dari anak pramuka, coblos nomor 3 ya pas pilpres')).toBe('violation');
    expect(verdict('Salam dua jari dari tribun untuk Pak Prabowo ✌️')).toBe('violation');
    expect(verdict('Habis pengajian, jangan lupa 14 Februari coblos nomor 1')).toBe('violation');
  });
});
