import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';
import { buildRegionalPack, parseCandidateCsv } from '../../lib/packs/regional';
import { stemCandidates } from '../../lib/text/stem';

const engine = createEngine();
const verdict = (s: string) => engine.analyze(s).verdict;
const framesOf = (s: string) => engine.inspect(s).frames.map((f) => f.id);
const rules = (s: string) => engine.analyze(s).findings.map((f) => f.rule);

describe('language as written online', () => {
  it.each([
    'Kami sekeluarga mendukung Prabowo!',
    'Memenangkan Ganjar adalah tugas kita',
    'Ayo menangkan Anies',
    'Pilihan saya jelas: dicoblos nomor 3',
    'jgn lupa nyoblos nmr 1 yg bgt',
    'Ojo lali coblos nomer 1 yo dulur',
    'Hayu urang pilih Anies',
    'coblos nomor urut dua',
    'coblos ke-2',
    'pilih paslon 2 ya',
    'mari dukung #2 ✌️ Prabowo',
    'Coblos 0️⃣2️⃣',
    // "dukungan" is read as "dukung": no pattern of the packs may name it whole, or the stem is lost
    'Dukungan penuh untuk Pak Ganjar dari keluarga kami',
  ])('%s → violation', (s) => expect(verdict(s)).toBe('violation'));

  it('undoes affixes only towards words the packs use', () => {
    expect([...stemCandidates('mendukung')]).toContain('dukung');
    expect([...stemCandidates('memilih')]).toContain('pilih');
    expect([...stemCandidates('memenangkan')]).toContain('menangkan');
    expect([...stemCandidates('coblosan')]).toContain('coblos');
    // names are never stemmed: "ganjaran" (a reward) is not Ganjar
    expect(verdict('Semoga dapat ganjaran pahala, dukung terus kegiatan sosial ini')).toBe('ok');
  });
});

describe('campaign hashtags and accounts', () => {
  it('derives hashtags from names with a year, number or campaign word', () => {
    expect(rules('#Anies2024')).toEqual(['tagar-nama-calon']);
    expect(rules('#PrabowoMenang')).toEqual(['tagar-nama-calon']);
    expect(rules('#ganjarpresiden2024')).toEqual(['tagar-kampanye']); // listed in the pack
    expect(rules('#AniesGanjar')).toEqual([]); // two camps: not a campaign tag
    expect(rules('#Prabowo')).toEqual(['tagar-nama-calon']); // a strong name alone
    expect(rules('#amin')).toEqual([]); // a weak name alone (also a prayer word)
    expect(rules('#PanDemi2024')).toEqual([]);
  });
  it('a candidate account is a caution; supporting it a violation', () => {
    expect(engine.analyze('Halo @prabowo, jalan di desa kami rusak').verdict).toBe('caution');
    expect(rules('@aniesbaswedan')).toEqual(['akun-calon']);
    expect(verdict('dukung @ganjarpranowo!')).toBe('violation');
  });
});

describe('context, not keywords', () => {
  it.each([
    'Rapat bersama Pak Menteri Prabowo membahas anggaran pertahanan',
    'Ganjar ayam jago itu besar sekali',
    'ASN dilarang berfoto dengan pose salam dua jari atau memakai tagar #PrabowoGibran2024.',
    'Sosialisasi netralitas ASN: jangan like atau share postingan kampanye paslon.',
    'ASN wajib netral dalam Pemilu 2024.',
    'Contoh pelanggaran: foto dengan salam tiga jari.',
  ])('%s → ok', (s) => expect(engine.analyze(s)).toEqual({ verdict: 'ok', findings: [] }));

  it.each([
    'JAKARTA, KOMPAS.com - Capres nomor urut 2 Prabowo Subianto menghadiri kampanye akbar di GBK.',
    'KPU menetapkan jadwal debat capres tanggal 12 Desember. Paslon 01, 02, dan 03 akan hadir.',
    'Hasil quick count: Prabowo-Gibran unggul 58 persen.',
    'Debat capres semalam, Anies tampil lugas.',
    'Anies mengatakan visi capres harus jelas, ujarnya.',
  ])('news or naming in an election frame is a caution, never a violation: %s', (s) => expect(verdict(s)).toBe('caution'));

  it('a news frame caps findings at caution and says why', () => {
    const a = engine.analyze('Cak Imin mengatakan: coblos nomor 1 untuk perubahan, ujarnya di Surabaya.');
    expect(a.verdict).toBe('caution');
    expect(a.findings[0]!.rule).toBe('ajakan-coblos-nomor');
    expect(a.findings[0]!.context?.id).toBe('berita');
  });

  it('a call inside quotation marks, in a post that reports it, is capped at caution and says why', () => {
    for (const s of [
      'Seorang camat terekam berkata "ayo pilih 01, kerja nyata" dalam rapat dengan kades. Bawaslu merekomendasikan sanksi.',
      'CEK FAKTA: pesan berantai “coblos nomor 2 dapat sembako” tidak berasal dari KPU.',
      "Lurah itu meneriakkan 'salam dua jari' di depan warga dan dilaporkan ke Panwaslu.",
    ]) {
      const a = engine.analyze(s);
      expect(a.verdict, s).toBe('caution');
      expect(a.findings.every((f) => f.context?.id === 'kutipan-laporan'), s).toBe(true);
    }
    // the model reads the post as a report too: the frame caps it
    expect(engine.inspect('Pesan "coblos nomor 2" beredar di grup RT, Bawaslu menelusuri.').frames.map((f) => `${f.id}:${f.effect}`)).toContain('kutipan-laporan:caution');
  });

  it('a quote handed to its speaker is reported speech: "…!" seru/teriak/kata the speaker, a claim, a headline', () => {
    for (const s of [
      '"Coblos nomor 2!" teriak juru kampanye di Lapangan Karebosi, Makassar. Ribuan orang hadir.',
      '"Salam bersih, salam tiga jari!" teriak Anies dalam kampanye di Jakarta Selatan.',
      '"Pilih nomor 1, Indonesia bangkit!" seru juru kampanye di Medan.',
      'Dewan Pers menegur sebuah media daring yang memuat judul "02 Menang, Indonesia Selamat" tanpa narasumber.',
      'Di bundaran HI massa pendukung pasangan nomor 2 meneriakkan "salam dua jari", polisi mengalihkan arus.',
    ]) {
      const a = engine.analyze(s);
      expect(a.verdict, s).toBe('caution');
      // what the quote says is capped by the report frame (a candidate named outside it is a caution of its own)
      const quoted = a.findings.filter((f) => f.rule !== 'sebut-calon-pemilu');
      expect(quoted.length, s).toBeGreaterThan(0);
      expect(quoted.every((f) => f.context?.id === 'kutipan-laporan'), s).toBe(true);
    }
    // news by its attribution and its dateline; "menurut saya" is an opinion, not a source
    expect(framesOf('Relawan pasangan calon gubernur mendirikan posko di 33 kabupaten, menurut koordinatornya.')).toContain('berita');
    expect(framesOf('Calon gubernur nomor urut 1 itu berkampanye di Cilincing, Kamis.')).toContain('berita');
    expect(framesOf('Menurut saya calon gubernur nomor urut 1 itu paling pantas.')).not.toContain('berita');
    // an official result is news, however it is cheered
    expect(verdict('Hasil pleno kabupaten: paslon nomor 3 menang 41 persen, selamat!')).toBe('caution');
    expect(framesOf('Hasil rekap kecamatan: 02 menang di 9 desa dari 12.')).toContain('berita');
    // a headline's bare verbs ("gelar", "umumkan"), a retrospective of slogans, a spokesperson's words
    expect(framesOf('Relawan Ganjar gelar konser di GBK, ribuan orang hadir')).toContain('berita');
    expect(framesOf('Sejarah slogan kampanye: "Kerja, kerja, kerja" dan "Adil makmur", rekap aja')).toContain('kutipan-laporan');
    expect(framesOf('tadi di tv jubir 01 bilang kubu sebelah "tukang bohong", debat kusir lagi')).toContain('kutipan-laporan');
    // a quote handed to its speaker in Sundanese ("saur") and to a pair ("seru keduanya")
    expect(framesOf('"Abdi mah tos nyoblos," saur Abah Karta di TPS 02.')).toContain('kutipan-laporan');
    expect(framesOf('"Dua nomor satu!" seru keduanya di atas panggung kampanye.')).toContain('kutipan-laporan');
    // a camp's claim, reported
    expect(engine.analyze('Tim 02 klaim menang satu putaran; KPU minta tunggu hasil resmi.').findings.map((f) => f.context?.id)).toEqual(['berita']);
  });

  it('a quote the writer chants, or adopts with a number or a call of their own, stays the writer\'s', () => {
    // the writer shouts it: no speaker to hand it to
    expect(verdict('Kami konvoi sambil teriak "coblos nomor 3!" keliling kota')).toBe('violation');
    expect(verdict('"coblos nomor 3!" teriak kami keliling kota')).toBe('violation');
    // a headline, then the writer's own ticket number
    expect(verdict('Baca judul berita "coblos nomor 2 biar menang" langsung semangat. Nomor 2 harga mati!')).toBe('violation');
    // supporters in the writer's own call are not a report
    expect(verdict('"Coblos nomor 2!" seru juru kampanye. Ayo pendukung pasangan nomor 2, pilih 02!')).toBe('violation');
  });

  it('a quote excuses nothing said outside it, nor a post that adopts it', () => {
    // the same call with no quotation marks: the writer's own words
    expect(verdict('Seorang camat terekam berkata ayo pilih 01, kerja nyata.')).toBe('violation');
    // a call outside the quote is the post's own voice
    expect(verdict('Bawaslu boleh bilang apa saja, "coblos nomor 2" pokoknya. Ayo pilih 02!')).toBe('violation');
    // a quoted chant with no report around it is shared, not reported
    expect(verdict('Yel-yel ibu-ibu arisan: "coblos nomor 3, pasti menang!"')).toBe('violation');
    // report words inside the quote do not make the post a report
    expect(verdict('"Bawaslu boleh melapor, kami tetap coblos nomor 2!" 💪')).toBe('violation');
  });

  it('a reminder not to take part in campaigning frames its sentence as a neutrality message', () => {
    for (const s of [
      'Bapak ibu, jangan pasang twibbon paslon, jangan jadi admin grup pemenangan. Kita ASN.',
      'Rekan-rekan ASN, jangan ikut deklarasi relawan capres ya.',
      'Jangan foto bareng caleg pakai seragam dinas, nanti dikira dukung.',
      'Ulah ngabagikeun poster calon bupati di grup WA RT nya.',
      'gak usah ikut bagi-bagi kalender calon gubernur, itu namanya kampanye',
    ])
      expect(framesOf(s), s).toContain('larangan-kegiatan');
    // a call, a named contestant, a ticket's number or an insult is no reminder
    for (const s of [
      'Jangan lupa pasang twibbon Prabowo-Gibran ya!',
      'Jangan ragu ikut kampanye akbar besok, kita menangkan Pak Anies',
      'jangan ikut kampanye 01, mending ke kampanye 02',
      'Jangan pasang baliho Ganjar di kantor ya',
      'jangan ikut kampanye si pembohong itu',
      'Jangan pilih calon dari partai itu, ikut kampanye mereka saja jangan',
    ])
      expect(framesOf(s), s).not.toContain('larangan-kegiatan');
    expect(verdict('jangan ikut kampanye 01, mending ke kampanye 02')).toBe('violation');
  });

  it('a contest or a vote that is no public election makes numbers, fingers and calls to vote everyday talk, anywhere in the post', () => {
    for (const s of [
      'Final lomba mewarnai tingkat kelurahan besok pagi.\nDukung nomor 4 ya, itu keponakanku! 🖍️',
      'Yang nomor urut 2 di kontes kucing anggora itu punya tetangga, bulunya paling tebal',
      'Hasil pemilihan ketua OSIS tadi siang. Nomor 1 menang tipis, selamat Dek!',
      'Undian doorprize jalan sehat kantor: coblos nomor 12 di papan, dapat kipas angin 😂',
    ]) {
      expect(framesOf(s), s).toContain('lomba-bukan-pemilu');
      expect(verdict(s), s).toBe('ok');
    }
    // a contestant, a party, a camp or an election word in the post keeps the findings
    for (const s of [
      'Lomba mewarnai bertema paslon 02 buat anak-anak, hadiahnya tas. Dukung nomor 2!',
      'Habis lomba balap karung, jangan lupa coblos Ganjar ya',
      'Doorprize kulkas dari relawan 01 buat yang datang ke kampanye akbar',
      'Seperti final piala dunia, pilpres kali ini 02 menang!',
    ])
      expect(framesOf(s), s).not.toContain('lomba-bukan-pemilu');
    expect(verdict('Habis lomba balap karung, jangan lupa coblos Ganjar ya')).toBe('violation');
  });

  it('a breach told as reprimanded, reported or sanctioned is a report; crowds and "salah satu paslon" name no side', () => {
    const told = 'Panwascam menegur dua guru honorer yang berpose salam tiga jari di depan baliho, keduanya diminta klarifikasi.';
    expect(framesOf(told)).toContain('laporan-pelanggaran');
    expect(verdict(told)).toBe('caution');
    // the writer's own salute or call is not a report, whoever threatens to report it
    for (const s of ['Biarin aja dilaporin, saya tetap salam dua jari!', 'Mau dilaporkan ke Bawaslu juga silakan, pokoknya coblos 02'])
      expect(verdict(s), s).toBe('violation');
    expect(verdict('Seorang lurah diperiksa karena ikut kampanye salah satu paslon wali kota.')).not.toBe('violation');
    expect(verdict('Puluhan ribu massa pendukung paslon 01 memadati alun-alun sejak pagi.')).not.toBe('violation');
    expect(verdict('Ayo ikut kampanye akbar paslon 01 besok!')).toBe('violation');
    // every camp's salute listed together takes no side; one set against another does
    expect(verdict('Di lapangan terlihat salam satu jari, dua jari dan tiga jari dari tiga kubu.')).toBe('ok');
    expect(verdict('bukan salam dua jari, tapi salam tiga jari!')).toBe('violation');
  });

  it('a partisan line is not excused by news words or a neutrality phrase', () => {
    expect(verdict('ASN harus netral, tapi saya tetap dukung Prabowo!')).toBe('violation');
    expect(verdict('Prabowo mengatakan akan melanjutkan program, ujarnya. #PrabowoGibran2024')).toBe('violation');
    expect(verdict('Kata Anies hari ini bagus. Ayo pilih Anies!')).toBe('violation');
    expect(verdict('Dilarang pose dua jari di kantor.\nAyo coblos nomor 2!')).toBe('violation');
  });

  it('an attack is partisan too', () => {
    expect(verdict('Jangan pilih Ganjar!')).toBe('violation');
    expect(verdict('Prabowo penculik')).toBe('violation'); // an insult bound to a candidate
    expect(verdict('Kalau Ganjar menang, Indonesia hancur')).toBe('violation');
    expect(verdict('dasar kampret')).toBe('caution'); // a camp label alone
    expect(verdict('jgn mau dibodohi kampret, pilih yg waras')).toBe('violation'); // used as a slur with a call
  });
});

describe('regional packs', () => {
  const csv = `election,region,number,candidate,running_mate,aliases
Pilkada 2029,Kota Contoh,1,Dr. H. Budi Santoso,Siti Aminah,Pak Budi|@budisantoso|#BudiSiti
Pilkada 2029,Kota Contoh,2,Rudi Hartono,,Bang Rudi`;
  const regional = createEngine([buildRegionalPack(parseCandidateCsv(csv))]);
  const v = (s: string) => regional.analyze(s).verdict;

  it('covers the candidates through the national rules, with derived variants', () => {
    expect(v('Ayo dukung Budi Santoso')).toBe('violation');
    expect(v('#BudiSiti2029 mantap')).toBe('violation');
    expect(v('#BudiSiti')).toBe('violation');
    expect(v('Coblos nomor 2, Bang Rudi!')).toBe('violation');
    expect(v('Halo @budisantoso')).toBe('caution');
    expect(v('Pilkada Kota Contoh: Budi Santoso mendaftar ke KPU')).toBe('caution');
  });
  it('a first name alone is everyday talk', () => {
    expect(v('Budi datang terlambat ke kantor')).toBe('ok');
    expect(v('Siti ulang tahun hari ini')).toBe('ok');
  });
  it('leaves the national pack intact', () => {
    expect(v('coblos nomor 3 Ganjar')).toBe('violation');
  });
  it('keeps both tickets when a list holds the same number and region in two elections', () => {
    const two = buildRegionalPack(
      parseCandidateCsv(`election,region,number,candidate,running_mate,aliases
Pilkada 2024,Kota Contoh,1,Rudi Hartono,Siti Aminah,
Pilkada 2029,Kota Contoh,1,Agus Salim,Dewi Lestari,`),
    );
    const ids = two.entities!.map((e) => e.id);
    expect(new Set(ids).size).toBe(2);
    const both = createEngine([two]);
    expect(both.analyze('Ayo dukung Rudi Hartono').verdict).toBe('violation');
    expect(both.analyze('Ayo dukung Agus Salim').verdict).toBe('violation');
  });
});
