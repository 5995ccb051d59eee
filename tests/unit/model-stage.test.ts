/**
 * The learned stage as the engine runs it: the gate, the priority of the rules, the frames, the
 * findings API (rule id, severity from thresholds, evidence spans in the original text, legal
 * source), and the shipped model on posts no rule catches.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, nationalPack } from '../../lib/packs';
import { b64encode, chunks, MODEL_FORMAT, MODEL_RULES, modelStage, ModelFormatError, TextModel, type ModelFile } from '../../lib/model/model';
import { withShippedModel } from '../../lib/model/node';
import { genericActors } from '../../lib/model/cues';
import { extract, hash } from '../../lib/model/features';

/** A model that scores everything past the gate as campaigning: only the gate and the rules keep it quiet. */
function eager(attack = -1): ModelFile {
  const bits = 8;
  const head = (w: number, bias: number) => ({ bias, scale: 0.05, weights: b64encode(new Uint8Array(new Int8Array(1 << bits).fill(w).buffer)) });
  return {
    format: MODEL_FORMAT,
    version: 1,
    id: 'test-model',
    bits,
    heads: { campaign: head(127, 5), attack: head(attack === 1 ? 127 : -127, attack === 1 ? 5 : -5) },
    thresholds: { violation: 0.9, caution: 0.5 },
    training: {},
  };
}
/** A model that scores everything past the gate between its caution and violation lines: sure of nothing. */
function unsure(): ModelFile {
  const file = eager();
  const flat = (bias: number) => ({ bias, scale: 0.05, weights: b64encode(new Uint8Array(1 << file.bits)) });
  return { ...file, heads: { campaign: flat(Math.log(0.7 / 0.3)), attack: flat(-5) } };
}
const legal = nationalPack.legal!;
const eagerEngine = createEngine().withModel(modelStage(new TextModel(eager()), legal));
const unsureEngine = createEngine().withModel(modelStage(new TextModel(unsure()), legal));
const modelFindings = (e: ReturnType<typeof createEngine>, s: string) => e.analyze(s).findings.filter((f) => f.rule.startsWith('model-'));

describe('gate', () => {
  it.each([
    'Selamat pagi semua, jangan lupa sarapan ya',
    'Dukung UMKM lokal, beli produk tetangga!',
    'Menangkan hati pelanggan dengan senyum',
    'Anak saya juara dua lomba mewarnai 🥳',
    'Kalender 2025 sudah dibagikan di kantor kelurahan',
    'Liburan 2024 ke Bali seru banget',
    'Calonnya cantik banget, kapan nikah?',
    'Yang milih menu ini pasti nyesel',
    'Pasangan itu bercerai tahun lalu',
    'Nikahan sepupu kayak partai besar, tamunya seribu',
    'Suaranya merdu banget pas nyanyi di nikahan',
    'Periodenya promo sampai akhir bulan ya kak',
  ])('everyday post stays quiet even for a model that flags everything: %s', (s) => {
    expect(eagerEngine.analyze(s)).toEqual({ verdict: 'ok', findings: [] });
  });

  it.each([
    ['a pack candidate', 'Ganjar memang yang paling pantas'],
    ['a role word', 'Cagub Darto Wiyono paling pantas memimpin'],
    ['an honorific name next to a calon word', 'Pak Darto calon yang paling pantas'],
    ['a two-name hashtag', 'Makin mantap #DartoRini2029'],
    ['a name pair next to an election word', 'Pilkada nanti Darto–Rini paling pantas'],
    ['an election word', 'Pilkada besok sudah jelas siapa yang pantas'],
    ['an office in English', 'Kang Farhan is honestly the mayor Bandung deserves'],
    ['"wali kota" written apart', 'Cak Arif kuwi arek Suroboyo asli. Wali kota sing ngerti kampung'],
    ['an election year after a slogan', 'Sticker "HANA 2029" di helm, di motor, di laptop'],
    ["a camp's voters named by a relative clause", 'Sing milih Sugeng kuwe mung kemakan sembako'],
    ["a camp's voters, the candidate a pronoun", 'Yang milih dia kemarin sekarang pada diem'],
    ["an honorific name beside a camp's gear", 'Kaos biru Pak Warsito sudah dibagikan ke pemuda'],
    ["a weak pack name beside a salute's emoji", 'AMIN janji sekolah gratis, share ke grup guru ☝️'],
    ['a veiled side', 'Partai sebelah tuh baliho doang gede'],
    ['a role word with a possessive', 'hahaha capresmu lucu'],
    ['a finger salute named in a regional language', 'Urang Sunda, hayu salam tilu ramo!'],
    ['a party named by its symbol', 'Partai beringin udah kayak pohon beneran'],
    ['a party named by its colour', 'partai kuning itu partai orde baru, jangan kasih kesempatan balik lagi'],
    ['a party word beside a weak pack name', 'PSI partai bocil, isinya jualan muka'],
    ['an honorific name with no calon word beside it', 'Bang Togar cuma bisa janji manis, kerjanya nol'],
    ["a salute's emoji", 'Sudah jelas arahnya ✌️🔥'],
    ['a finger sign counted', 'Pagi ini dua jari di dada, semangat!'],
    ['running for office in slang', 'Ternyata dia nyalon lagi, semoga kali ini kepilih'],
    ["a deputy's office", 'Wagub yang sekarang jauh lebih cocok'],
    ['a call to abstain', 'Mending golput aja tahun ini'],
    ["a camp's slur of the latest contest", 'termul kalo dibantah pake data langsung kabur'],
    ['an election word with a suffix', 'presidennya nanti siapa, bingung gue'],
    ['a programme passed on', 'Program unggulan sudah terbit, silakan dibaca dan dibagikan seluas-luasnya'],
    ['a slang "lead" beside a weak pack name', 'AMIN mimpin negeri ini pasti beda'],
  ])('opens for %s', (_what, s) => {
    expect(modelFindings(eagerEngine, s)).toHaveLength(1);
  });
});

describe('findings', () => {
  it('rules keep priority: no model finding where a rule found a violation', () => {
    const a = eagerEngine.analyze('Ayo coblos nomor 2!');
    expect(a.verdict).toBe('violation');
    expect(a.findings.every((f) => !f.rule.startsWith('model-'))).toBe(true);
  });

  it('a neutrality message silences it unless it is sure, and then it only cautions; a news frame caps it at caution', () => {
    const circular = 'ASN dilarang mendukung paslon mana pun, jaga netralitas';
    expect(modelFindings(unsureEngine, circular)).toEqual([]);
    expect(modelFindings(eagerEngine, circular).map((f) => f.severity)).toEqual(['caution']);
    // the same model, sure or not, speaks on a post without the frame
    expect(modelFindings(unsureEngine, 'Pak Darto calon yang paling pantas').map((f) => f.severity)).toEqual(['caution']);
    const news = modelFindings(eagerEngine, 'Prabowo mengunjungi pasar Senen pagi ini, ujarnya kepada wartawan.');
    expect(news.map((f) => f.severity)).toEqual(['caution']);
  });

  it.each([
    ['after a contrastive turn', 'ASN harus netral, tapi hati saya tetap untuk Pak Darmawan cabup Sukorame 😅 nomor 1'],
    ['in another sentence of the post', 'Saya ASN, harus netral. Pilkades Sidomulyo besok coblos Cak Joko nomor 4!'],
    ['a one-word frame that names the candidacy', 'Jangan lupa kumpulin KTP buat dukung Pak Darsono, sosialisasi Pak Darsono di balai desa, saya yang setor'],
  ])('a neutrality frame does not silence support declared outside its own clause: %s', (_where, s) => {
    expect(createEngine().inspect(s).frames.some((f) => f.effect === 'drop')).toBe(true);
    expect(modelFindings(unsureEngine, s)).toHaveLength(1);
  });

  it.each([
    'Kami ASN harus netral dan tidak memihak paslon mana pun dalam pilkada, saya juga begitu',
    'Sebagai ASN saya wajib netral dalam pilkada. Mari jaga kondusivitas kantor.',
    'ASN dilarang ikut sosialisasi paslon mana pun. Saya tetap netral.',
  ])('a neutrality frame still silences its own clause and posts with no support outside it: %s', (s) => {
    expect(modelFindings(unsureEngine, s)).toEqual([]);
    // where the model is sure, it says so at caution, never violation
    expect(modelFindings(eagerEngine, s).map((f) => f.severity)).toEqual(['caution']);
  });

  it.each([
    ['a roll call of a ticket\'s volunteers', 'Besok pagi apel siaga relawan paslon 03 di alun-alun, pakai kaos hitam'],
    ['a sosialisasi of a ticket', 'Ibu-ibu, nanti sore sosialisasi program cagub kita di musala, ajak tetangga'],
    ['a sosialisasi joined to a call', 'Sosialisasi program paslon kita malam ini, ayo coblos nomor 1'],
    ['a youth group sent to a rally', 'Anak-anak karang taruna diajak ke kampanye akbar cabup di stadion'],
    ['a savings group bound to a ticket\'s post', 'Arisan bulan depan pindah ke posko 02, sekalian ambil stiker'],
  ])('an activity word tied to a camp is no frame: %s', (_what, s) => {
    expect(createEngine().inspect(s).frames.filter((f) => f.effect === 'drop')).toEqual([]);
  });

  it.each([
    'Sosialisasi tahapan pemilu untuk pemilih pemula di aula kecamatan besok pagi',
    'Apel pagi hari Senin dipindah ke halaman belakang, harap datang jam 7',
    'Arisan RT bulan ini di rumah Bu Wati, jangan lupa bawa kue',
    'Pemilihan ketua karang taruna Minggu depan, calonnya Mas Anto dan Mas Rudi',
    'Apel netralitas ASN pagi ini: tidak boleh ikut kampanye paslon mana pun',
  ])('activity words stay a frame where no camp is named: %s', (s) => {
    expect(createEngine().inspect(s).frames.some((f) => f.effect === 'drop')).toBe(true);
    expect(modelFindings(unsureEngine, s)).toEqual([]);
  });

  it('a clause that campaigns beside a setting word is not silenced; a clause that forbids it is', () => {
    const campaigning = 'Grup arisan kami sudah sepakat, semua pilih Bu Ratna nomor 3 buat DPRD kabupaten';
    expect(createEngine().inspect(campaigning).frames.some((f) => f.effect === 'drop')).toBe(true);
    expect(modelFindings(unsureEngine, campaigning)).toHaveLength(1);
    expect(modelFindings(unsureEngine, 'Grup arisan ini jangan dipakai untuk ajak pilih Bu Ratna nomor 3 ya')).toEqual([]);
  });

  it('"independen" is a stance only where someone is told to be so, not a route to the ballot or a body', () => {
    const frames = (s: string) => createEngine().inspect(s).frames.map((f) => f.id);
    expect(frames('Pak Bima maju lewat jalur independen, dukung terus')).not.toContain('pesan-netralitas');
    expect(frames('Sebagai pengawas, kita wajib bersikap independen selama pilkada')).toContain('pesan-netralitas');
  });

  it('carries a stable rule id, a severity from the thresholds, legal source, and spans in the original text', () => {
    const text = '𝐏𝐚𝐤 Darto 🙏 calon yang paling pantas';
    const [f] = modelFindings(eagerEngine, text);
    expect(f).toBeDefined();
    expect(f!.rule).toBe(MODEL_RULES.support);
    expect(f!.severity).toBe('violation');
    expect(f!.ref).toBe('R02');
    expect(f!.source).toBe(legal.R02!.source);
    expect(f!.score!.violation).toBe(0.9);
    for (const s of f!.spans!) expect(text.slice(s.start, s.end)).toBe(s.evidence);
    expect(f!.spans![0]!.kind).toBe('actor');
    expect(f!.spans![0]!.evidence).toBe('𝐏𝐚𝐤 Darto');
    expect(f!.spans!.filter((s) => s.kind === 'driver').length).toBeGreaterThan(0);
    expect(text.slice(f!.start, f!.end)).toBe(f!.evidence);
  });

  it('the attack head chooses model-serangan, citing R18', () => {
    const e = createEngine().withModel(modelStage(new TextModel(eager(1)), legal));
    const [f] = modelFindings(e, 'Capres itu cuma bisa omong doang');
    expect(f!.rule).toBe(MODEL_RULES.attack);
    expect(f!.ref).toBe('R18');
  });

  it('a stage that throws costs nothing of the rules', () => {
    const e = createEngine().withModel({ id: 'broken', run: () => { throw new Error('boom'); } });
    expect(e.analyze('Ayo coblos nomor 2!').verdict).toBe('violation');
    expect(e.analyze('Pilkada besok sudah jelas siapa yang pantas')).toEqual({ verdict: 'ok', findings: [] });
    expect(String(e.stageError)).toContain('boom');
  });

  it('behind a closed gate only the ungated head speaks, at caution at most, with its own line and words', () => {
    // the campaign head flags everything, the ungated head nothing: a closed gate stays quiet
    const file = eager();
    const head = (w: number, bias: number) => ({ bias, scale: 0.05, weights: b64encode(new Uint8Array(new Int8Array(1 << file.bits).fill(w).buffer)) });
    const quiet = createEngine().withModel(modelStage(new TextModel({ ...file, heads: { ...file.heads, ungated: head(-127, -5) }, thresholds: { ...file.thresholds, ungated: 0.5 } }), legal));
    expect(quiet.analyze('Selamat pagi semua, jangan lupa sarapan ya')).toEqual({ verdict: 'ok', findings: [] });
    // an ungated head that flags everything reaches everything behind the gate, but never past caution
    const loud = createEngine().withModel(modelStage(new TextModel({ ...file, heads: { ...file.heads, ungated: head(127, 5) }, thresholds: { ...file.thresholds, ungated: 0.5 } }), legal));
    const text = 'Selamat pagi semua, jangan lupa sarapan ya';
    const a = loud.analyze(text);
    expect(a.verdict).toBe('caution');
    const [f] = a.findings;
    expect(f!.rule.startsWith('model-')).toBe(true);
    expect(f!.severity).toBe('caution');
    expect(f!.score).toMatchObject({ caution: 0.5, violation: 1 });
    expect(f!.why.id).toMatch(/tidak menyebut nama calon/);
    expect(f!.spans!.every((x) => x.kind === 'driver' && text.slice(x.start, x.end) === x.evidence)).toBe(true);
    // a weak pack name ("amin") behind a closed gate is not named as the finding's contestant
    const [g] = modelFindings(loud, 'Semoga sukses selalu, amin');
    expect(g!.spans!.map((x) => x.kind)).not.toContain('actor');
    expect(g!.entity).toBeUndefined();
    // past the gate the campaign head still decides, and its violation stands
    expect(modelFindings(loud, 'Pak Darto calon yang paling pantas')[0]!.severity).toBe('violation');
  });

  it('refuses a malformed model file with the reason', () => {
    expect(() => new TextModel({ ...eager(), bits: 30 })).toThrow(ModelFormatError);
    expect(() => new TextModel({ ...eager(), thresholds: { violation: 0.4, caution: 0.6 } })).toThrow(/thresholds/);
    const bad = eager();
    bad.heads.campaign.weights = bad.heads.campaign.weights.slice(0, 40);
    expect(() => new TextModel(bad)).toThrow(/weights/);
    expect(() => new TextModel({ ...eager(), thresholds: { ...eager().thresholds, ungated: 0.6 } })).toThrow(/ungated/);
    expect(() => new TextModel({ ...eager(), heads: { ...eager().heads, ungated: eager().heads.campaign }, thresholds: { ...eager().thresholds, ungated: 1.5 } })).toThrow(/ungated/);
  });
});

describe('generic actors', () => {
  it('finds role words, honorific names near calon words, name pairs near election words, two-name hashtags', () => {
    const e = createEngine();
    const kinds = (s: string) => genericActors(e.inspect(s), s).map((c) => c.kind);
    expect(kinds('Caleg Dimas Haryo siap melayani')).toEqual(['role']);
    expect(kinds('Bu Rina calon bupati kita')).toContain('honorific');
    expect(kinds('Pilkada kali ini Darto–Rini')).toContain('pair');
    expect(kinds('#DartoRini2029 makin dekat')).toEqual(['ticket-tag']);
    expect(kinds('Pak Budi datang terlambat ke kantor')).toEqual([]);
    expect(kinds('Kaos biru Pak Warsito sudah dibagikan')).toEqual(['honorific']);
    expect(kinds('Pose dua jari ✌️ keur Kang Asep!')).toEqual(['honorific']);
    expect(kinds('Kang Asep ngopi di warung')).toEqual([]);
    // a post written all in lower case names people so too, after an honorific
    expect(kinds('pilgub kalbar, bang midji pasti menang')).toEqual(['honorific']);
    expect(kinds('Pilgub Kalbar, bang midji pasti menang')).toEqual([]);
    expect(kinds('Resep ayam goreng #KulinerNusantara')).toEqual([]);
    // a name glued into a pack's listed hashtag (#TetapJokowi) is still a name written on its own
    expect(kinds('Pilpres kemarin, Pak Jokowi pasti menang')).toEqual(['honorific']);
    expect(createEngine().inspect('x').vocabulary.has('jokowi')).toBe(false);
    expect(createEngine().vocabulary.has('jokowi')).toBe(true);
  });
});

describe('features', () => {
  const e = createEngine();
  const text = 'Pak Ganjar sosok yang pantas jadi presiden, kerja nyata 2024! Dukung nomor 3 ya, teman-teman. Pantas, pantas sekali.';
  const insp = e.inspect(text);
  const ch = chunks(insp, text)[0]!;
  it('each feature is the hash of its name, and naming them changes nothing of what is extracted', () => {
    const bits = 18;
    const named = extract(ch, bits, true);
    const plain = extract(ch, bits);
    expect(plain.idx).toEqual(named.idx);
    expect(plain.first).toEqual(named.first);
    expect(named.names!.length).toBe(named.idx.length);
    named.names!.forEach((n, k) => expect(hash(n) & ((1 << bits) - 1), n).toBe(named.idx[k]));
    const names = new Set(named.names);
    for (const n of ['w|pantas', 'b|pantas jadi', 'g| pa', 'g|ntas ', 'w|<year>', 'b|nomor 3']) expect(names, n).toContain(n);
  });
  it('gives the same features however often and in whatever hash space a word is met', () => {
    const first = extract(ch, 18);
    extract(ch, 12);
    for (let i = 0; i < 3; i++) expect(extract(ch, 18).idx).toEqual(first.idx);
  });
});

describe('the shipped model', () => {
  const detector = withShippedModel(createEngine());
  it('warns about praise of a named candidate as the leader to be, which no rule catches', () => {
    const s = 'Pak Ganjar sosok yang pantas jadi presiden, sudah terbukti kerja nyata, teruskan!';
    expect(createEngine().analyze(s).verdict).toBe('ok');
    const fs = modelFindings(detector, s);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.spans!.some((x) => x.kind === 'driver')).toBe(true);
  });
  it.each([
    'Liburan ke Dieng, pose peace ✌️ dulu',
    'Pesan 2 jari kopi susu sama 1 roti bakar ya mas',
    'Pak Dodi tetangga sebelah baru pulang umroh, alhamdulillah sehat',
  ])('scores low an everyday post the gate lets in by a name or a finger: %s', (s) => {
    expect(chunks(createEngine().inspect(s), s).some((c) => c.gated)).toBe(true);
    expect(detector.analyze(s).verdict).toBe('ok');
  });
  it('flags at caution campaigning that names no one, and leaves everyday posts behind a closed gate alone', () => {
    const veiled = 'Mereka itu pengkhianat rakyat, ingat itu di bilik suara nanti';
    expect(chunks(createEngine().inspect(veiled), veiled).some((c) => c.gated)).toBe(false);
    expect(detector.analyze(veiled).verdict).toBe('caution');
    for (const s of ['Selamat pagi semua, jangan lupa sarapan ya', 'Harga cabe naik lagi, pusing aku', 'Kata sandi ATM jangan dikasih tahu siapa-siapa ya bu']) expect(detector.analyze(s).verdict, s).toBe('ok');
  });
  it('cautions a vote pledged beside a gathering that frames the post, and leaves a neutrality circular quiet', () => {
    const pledged = 'Pengajian rutin malam Jumat lancar, jamaah sudah sepakat semua suara untuk Pak Haji Darmo di pilkades, beliau paling amanah';
    expect(createEngine().inspect(pledged).frames.some((f) => f.effect === 'drop')).toBe(true);
    expect(modelFindings(detector, pledged).map((f) => f.severity)).toEqual(['caution']);
    expect(detector.analyze('ASN dilarang mendukung paslon mana pun, jaga netralitas').verdict).toBe('ok');
    expect(detector.analyze('Sosialisasi tahapan pemilu untuk pemilih pemula di aula kecamatan besok pagi').verdict).toBe('ok');
  });
  it('leaves quiet a reminder not to campaign, which names the activities it forbids', () => {
    for (const s of [
      'Bapak ibu, jangan pasang twibbon paslon, jangan pakai kaos relawan ke kantor, jangan jadi admin grup pemenangan. Kita ASN.',
      'Bapak-bapak staf kelurahan, jangan ikut bagi-bagi kalender calon gubernur ye. Itu namanya kampanye, bisa kena.',
      'Rekan-rekan guru, jangan foto bareng caleg pakai seragam dinas ya.',
    ])
      expect(detector.analyze(s).verdict, s).toBe('ok');
  });
  it('keeps neutral news with a candidate’s name quiet', () => {
    expect(detector.analyze('Ganjar Pranowo menghadiri peresmian jembatan di Semarang, Kamis (12/10).').verdict).not.toBe('violation');
  });
});
