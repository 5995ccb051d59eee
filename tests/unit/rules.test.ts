import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/packs';

const engine = createEngine();
const check = (s: string) => engine.analyze(s);
const rules = (s: string) => check(s).findings.map((f) => f.rule);

describe('national pack: campaigning is caught', () => {
  it.each([
    ['Ayo coblos nomor 2!', 'ajakan-coblos-nomor'],
    ['c0bl0s n0m0r 02', 'ajakan-coblos-nomor'],
    ['C O B L O S no.3 ya', 'ajakan-coblos-nomor'],
    ['pilihhh nomor urut 1', 'ajakan-coblos-nomor'],
    ['Jangan lupa pilih Prabowo', 'ajakan-pilih-calon'],
    ['Mari menangkan Ganjar Mahfud', 'ajakan-pilih-calon'],
    ['dukung PKS', 'ajakan-pilih-calon'],
    ['dukung terus Prabowo sampai menang', 'ajakan-pilih-calon'],
    ['Tolak nomor 3!', 'ajakan-jangan-pilih'],
    ['Jangan coblos dua, coblos satu!', 'ajakan-jangan-pilih'],
    ['Coblos nomor 2, paslon terbaik!', 'ajakan-coblos-nomor'],
    ['jangan kasih suara ke mereka', 'ajakan-jangan-pilih'],
    ['Saya bangga jadi bagian relawan Ganjar. Ayo gabung!', 'gabung-tim-kampanye'],
    ['Kami relawan korban banjir sekaligus relawan Ganjar, ayo gabung!', 'gabung-tim-kampanye'],
    ['Relawan timses bagi sembako korban banjir, ayo gabung', 'gabung-tim-kampanye'],
    ['Hari ini hadir di kampanye akbar 02 di GBK', 'hadir-kampanye'],
    ['Mohon doa restu, saya maju sebagai bacaleg DPRD', 'pencalonan-diri'],
    ['Foto bareng Pak Ganjar di pasar tadi', 'foto-bersama-calon'],
    ['Monggo, dipun coblos nomer kalih', 'ajakan-coblos-nomor'],
    ['jgn mau dibodohi cebong, pilih yg waras', 'ejekan-kubu'],
    ['#AsalBukanPrabowo', 'ajakan-jangan-pilih'],
    ['#2019GantiPresiden', 'tagar-kampanye'],
    ['Jangan pilih Anies', 'ajakan-jangan-pilih'],
    ['Semangat! #PrabowoGibran2024', 'tagar-kampanye'],
    ['#prabowogibran2024', 'tagar-kampanye'],
    ['#AMINAjaDulu', 'tagar-kampanye'],
    ['Ayo #Te12dePAN', 'tagar-kampanye'],
    ['#coblosnomor3', 'ajakan-coblos-nomor'],
    ['Salam dua jari!', 'salam-jari'],
    ['salam 3 jari', 'salam-jari'],
    ['Ganjar ✌️', 'emoji-jari-calon'],
    ['☝️ Anies', 'emoji-jari-calon'],
    ['Prabowo 2️⃣', 'nama-keycap'],
    ['Menang satu putaran!', 'slogan-kampanye'],
    ['sat set tas tes', 'slogan-kampanye'],
    ['Ganjar presidenku', 'pujian-calon'],
    ['02 harga mati', 'pujian-calon'],
    ['Ayo pasang twibbon Prabowo', 'twibbon-calon'],
    ['jangan lupa pasang twibbon 02 ya!', 'twibbon-calon'],
    ['yuk pakai twibbon nomor 2', 'twibbon-calon'],
    ['Prabowo-Gibran dua periode!', 'pujian-calon'],
    ['kinerja Ganjar memuaskan, perlu 1 periode lagi', 'pujian-calon'],
    ['Anies cukup satu periode', 'ajakan-jangan-pilih'],
    ['dasar kadrun tolol', 'ejekan-kubu'],
    ['kecebong goblok semua, pembela koruptor', 'ejekan-kubu'],
    ['saya pilih dan coblos gambar nomor 3', 'ajakan-coblos-nomor'],
  ])('%s → %s (violation)', (text, rule) => {
    const a = check(text);
    expect(a.verdict).toBe('violation');
    expect(a.findings.map((f) => f.rule)).toContain(rule);
  });

  it.each([
    ['dasar kadrun', 'label-kubu'],
    ['Saya kader PDI-P sejak lama', 'kader-partai'],
    ['Relawan Ganjar berkumpul di GOR', 'tim-pemenangan'],
    ['Paslon 02 menyampaikan visi misi', 'nomor-urut'],
  ])('%s → %s (caution)', (text, rule) => {
    const a = check(text);
    expect(a.verdict).toBe('caution');
    expect(a.findings.map((f) => f.rule)).toEqual([rule]);
  });
});

describe('national pack: everyday and neutral text stays quiet', () => {
  it.each([
    'Rapat koordinasi bersama Pak Menteri Prabowo membahas anggaran pertahanan.',
    'Pandemi sudah berakhir, saatnya bangkit.',
    'Jangan lupa coblos 14 Februari, gunakan hak pilih Anda!',
    'ASN wajib netral. Jangan dukung paslon manapun.',
    'Sosialisasi netralitas ASN di aula kantor hari ini.',
    'Debat capres malam ini disiarkan langsung.',
    'Pilih 2 menu untuk makan siang',
    'Dukung Timnas Garuda di Piala Asia!',
    'Semoga sehat selalu. Amin 👍',
    'Pembayaran PBB paling lambat 31 Agustus',
    'Twibbon 17 Agustus sudah dipasang, ayo pasang twibbon 2 hari lagi sebelum lomba',
    'Pak RT kita sudah dua periode jadi ketua, mantap',
    'di kolam banyak cebong, anak-anak bodoh banget mainnya',
    'Cara mencoblos: coblos gambar 1 kali saja, jangan 2 kali',
    'Ganjar dua periode menjabat gubernur Jawa Tengah, 2013 sampai 2023',
    'Saya suka panci dan pan untuk memasak',
    'Selamat pagi rekan-rekan, tetap semangat ✌️',
    'Nomor antrean 2 silakan ke loket',
    'Pilih nomor 3 ya soal pilihan ganda itu',
    'Yuk coblos 2 balon ini pakai jarum',
    'Dukung Gibran di final lomba adzan tingkat kecamatan!',
    'Pilih Pak Mahfud aja jadi ketua panitia kurban',
    'Kami relawan literasi keliling, tiap Sabtu bawa buku ke desa-desa',
    'Yuk gabung jadi relawan posko banjir, dapur umum butuh tenaga',
    'Di TPS, coblos satu paslon di masing-masing surat suara',
    'Ulah nyoblos dua kolom, matak teu sah',
    'Pemilih mencoblos satu foto calon kades, lebih dari satu tidak sah',
    'Sehari jelang coblosan, Anies makan siang di warteg',
    '',
  ])('%s', (text) => {
    expect(check(text)).toEqual({ verdict: 'ok', findings: [] });
  });
});

describe('national pack: a party or coalition backing a candidate is reported, not a call to vote', () => {
  it.each(['Hanura resmi dukung Anies Baswedan di Pilkada Jakarta', 'PKB khawatir koalisi pendukung Ganjar bubar', 'Golkar ketika itu mendukung Prabowo Subianto'])('%s', (text) => {
    expect(rules(text)).not.toContain('ajakan-pilih-calon');
  });
  it('a call to back the same candidate still is', () => {
    expect(rules('Ayo dukung Anies Baswedan di Pilkada Jakarta')).toContain('ajakan-pilih-calon');
  });
});

describe('findings carry their reason', () => {
  it('has rule id, severity, legal source, sanctions, an explanation and an exact span', () => {
    const text = 'Halo semua 🙏 AYO C0BL0S nomor 02!!';
    const [f] = check(text).findings;
    expect(f).toMatchObject({
      rule: 'ajakan-coblos-nomor',
      pack: 'nasional-2024',
      severity: 'violation',
      ref: 'R02',
      evidence: 'C0BL0S nomor 02',
    });
    expect(text.slice(f!.start, f!.end)).toBe(f!.evidence);
    expect(f!.source).toMatch(/SKB 2022/);
    expect(f!.sanctions).toContain('DIS-BERAT');
    expect(f!.why.id).toMatch(/nomor urut/);
    expect(f!.why.en).toBeTruthy();
  });

  it('names the entity and includes the # of a hashtag', () => {
    const text = 'mantap #GanjarMahfud2024';
    const [f] = check(text).findings;
    expect(f!.evidence).toBe('#GanjarMahfud2024');
    expect(f!.entity?.id).toBe('paslon-03-2024');
  });

  it('word boundaries: a party abbreviation never fires inside another word', () => {
    expect(rules('dukung pandemi berakhir')).toEqual([]);
    // a weak name (PAN, PBB, Demokrat…) needs an electoral cue
    expect(rules('dukung PAN')).toEqual([]);
    expect(rules('dukung partai PAN')).toEqual(['ajakan-pilih-calon']);
    expect(rules('dukung PAN di pemilu 2024')).toEqual(['ajakan-pilih-calon']);
    expect(rules('Dukung PBB dalam misi perdamaian')).toEqual([]);
    expect(rules('dukung pansus')).toEqual([]);
  });

  it('reports several findings in order, without duplicates inside one another', () => {
    const a = check('Coblos nomor 2 ya! Dasar kampret. #AniesPresiden');
    expect(a.findings.map((f) => f.rule)).toEqual(['ajakan-coblos-nomor', 'label-kubu', 'tagar-kampanye']);
  });
});
