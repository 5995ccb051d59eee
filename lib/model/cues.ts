/**
 * Generic cues the learned stage reads beside the packs' entities: who a post is about when no pack
 * names them (a caleg, a past or village ticket), whether it speaks of an election at all, and
 * how it speaks (first/second person, imperatives). Pure: token texts in, token ranges out.
 *
 * The packs can never list every candidate (Pileg alone has tens of thousands), so an actor is
 * also a role word ("cagub", "caleg", "paslon"), an honorific name next to a calon word ("Pak Darto"
 * near "cabup"), a pair of capitalised names joined by a dash next to an election word ("Darto–Rini"
 * anywhere, "Darto dan Rini" near "pilkada"), or a hashtag that glues two personal names (#DartoRini2029).
 * An honorific name is also an actor beside a camp's work and gear ("Kaos biru Pak Warsito", a finger sign
 * "✌️ keur Kang Asep").
 */
import type { Inspection } from '../rules/types';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Words for a candidate or contestant by role (already normalized: lower-case, slang folded). */
export const ROLE_WORDS = words(`
  capres cawapres cagub cawagub cabup cawabup cawalkot cawawalkot caleg paslon kandidat petahana incumbent
  bacapres bacawapres bacaleg bacagub bacabup bacawalkot balon bacalon cakades calkades calon
`);

/**
 * A role word, also with a possessive or definite suffix ("capresmu", "paslonnya", "cagubku"): the
 * normalizer keeps the suffix. Not "calonnya" nor "balonnya": a fiancé and a balloon far more often.
 */
export function roleWord(t: string): boolean {
  if (ROLE_WORDS.has(t)) return true;
  return unsuffixed(t).some((base) => base !== 'calon' && base !== 'balon' && ROLE_WORDS.has(base));
}

/**
 * Election words that frame a post only sometimes (they open the learned stage's gate only beside a weak
 * name). A lurah is appointed and a kades is the village's office-holder of every day: both are named far
 * more often for their work than for a contest.
 */
export const WEAK_FRAME = words(`suara menang kalah relawan posko deklarasi debat memimpin mimpin dipimpin pemimpin lurah kades kuwu`);

/**
 * A strong election word with a possessive or definite suffix ("presidennya", "pendukungnya", "dapilku"):
 * the normalizer keeps the suffix. Not the weak ones ("suaranya" is a voice) nor "periode" (a promotion's).
 */
function suffixedElectionWord(t: string): boolean {
  return unsuffixed(t).some((base) => ELECTION_WORDS.has(base) && !WEAK_FRAME.has(base) && base !== 'periode');
}

/**
 * What a word may be without a possessive or definite suffix. The normalizer folds a doubled letter, so a
 * stem ending in n loses it to "-nya" ("presidennya" reads "presidenya"): both cuts are tried.
 */
function unsuffixed(t: string): string[] {
  if (t.length < 6) return [];
  if (t.endsWith('nya')) return t[t.length - 4] === 'n' ? [t.slice(0, -3)] : [t.slice(0, -3), t.slice(0, -2)];
  return t.endsWith('mu') || t.endsWith('ku') ? [t.slice(0, -2)] : [];
}

/** Words that put a post in an election frame. */
export const ELECTION_WORDS = words(`
  pemilu pilkada pilpres pileg pilgub pilbup pilwalkot pilkades pemilihan coblos nyoblos mencoblos coblosan dicoblos
  pencoblosan tps kpu kpud bawaslu panwaslu kampanye dapil suara elektabilitas timses relawan posko deklarasi
  pemenangan periode petahana menang kalah debat legislatif dprd dpr dpd gubernur bupati walikota presiden wapres
  memimpin pemimpin lurah kades nyaleg nyapres nyagub contreng quickcount pendukung simpatisan loyalis kubu pilkades
  nagari nyalon nyabup nyawalkot wagub wabup walkot walikote wawalkot kuwu golput mimpin dipimpin
`);

/** An office or a candidacy in English: posts switch language ("the mayor Bandung deserves"). */
export const ENGLISH_ELECTION = words(`mayor governor regent candidate candidates election elections ballot reelect`);

/** Calls to vote for or against someone, in Indonesian and regional forms the packs' lexicon may not list. */
export const CALL_WORDS = words(`
  pilih milih memilih dipilih pilihlah piliah dipiliah pilihen milihen coblos nyoblos coblosen dukung sokong jungjung bela
  menangkan menangin menangke menangkeun meunangkeun mamanangan menangaken menangkanmi dimenangkan kawal
`);

/** Calon words next to which an honorific name is a candidate. */
const CALON_WORDS = words(`calon capres cawapres cagub cawagub cabup cawabup cawalkot cawawalkot caleg paslon kandidat bacaleg bakal petahana cakades nomor urut dapil`);

/** Words next to which a dashed pair of names reads as a ticket. */
const PAIR_CONTEXT = words(`nomor nomer no urut program salam pasangan paslon menang pilih dukung`);

export const HONORIFICS = words(
  `pak bapak bu ibu bang abang mas mbak kak cak gus kang teh uda uni ning daeng bli om tante haji hj datuak datuk puang ajengan ustadz ustaz kyai kiai abah bundo mama papa tuan ompung opung amang inang`,
);

/** Kinship words, capitalised as forms of address ("Apak jo Amak", "Ayah dan Bunda"): family, not a ticket's names. */
const KIN = words(`apak amak ayah ayahanda bunda ibunda emak umi abi nenek kakek mbah eyang papi mami papah mamah adik kakak suami istri`);

/** Words that join the two names of a ticket ("Sugeng dan Dwi", "Dadan sareng Yayat"). */
const PAIR_JOINERS = words(`dan dengan sama bareng sareng jeung kaliyan lan karo jo deng`);

export const FIRST_PERSON = words(`saya aku gue gw gua ane kami kita sy q awak kulo kula abdi urang aye ulun ambo`);
export const SECOND_PERSON = words(`kamu kalian anda lo lu loe elu sampeyan panjenengan antum sira dulur sedulur gaes guys kawan kawan2 teman warga`);
export const IMPERATIVE = words(
  `ayo ayok yuk yok mari hayu hayuk kuy ayuk monggo mangga jangan jgn wajib harus gaskeun sebarkan viralkan share ulah aja ojo ojok jan jang usah`,
);
/** Back-references to a ticket or candidate named earlier, in Indonesian and regional forms. */
export const BACKREF = words(`beliau mereka keduanya berdua aranjeunna aranjeuna duaan duan baliau baduo panjenenganipun kekalihipun kalian`);

/** Offices a contest is for, in the forms people write (the packs list the formal ones). */
export const OFFICE_WORDS = words(`
  gubernur wagub bupati wabup walikota walkot walikote wawalkot presiden wapres governor mayor regent president kuwu
`);
/** Worthiness, what a candidate is praised as ("pantas jadi", "layak", "cocok", "idaman", "deserves"). */
export const WORTHY = words(`pantas pantes layak cocok idaman idola pas tepat deserves deserve needs butuh perlu`);

/** Fingers, in Indonesian and regional forms ("tilu ramo", "telung driji"): a finger sign counted. */
export const FINGERS = words(`jari jempol ramo driji jariji jarik`);
/** Emoji of the hand salutes that stand for ballot numbers (one, two, three fingers, "ok"). */
export const FINGER_EMOJI = /[☝✌🤟👌]/u;

/**
 * Words of a camp's everyday work and gear (a post, its witnesses, its shirts and banners, a finger
 * sign, winning, carrying on): none is about an election alone, but beside an honorific name
 * ("Kaos biru Pak Warsito sudah dibagikan", "koordinator saksi Mas Reno", "Lanjutno Cak Eri") they
 * are what a campaign does for someone.
 */
export const CAMP_WORK = words(`
  kubu timses relawan posko barisan koordinator kordinator korlap korcam kordes saksi menang menangin menangkeun kemenangan
  baliho spanduk kaos kaus stiker bendera atribut rompi lanjut lanjutkan lanjutno lanjutke teruskan pose amplop ktp
`);

/**
 * Party symbols and colours people name a party by ("partai beringin", "partai banteng", "partai mercy",
 * "partai Ka'bah", "partai matahari", "partai kuning", "partai merah"; "partai gurem", the small ones as a
 * camp scorns them), and the words that introduce one ("partai berlambang …", "partai yang logonya …").
 */
export const PARTY_SYMBOLS = words(`beringin banteng moncong mercy mercedes kabah bah matahari mawar bulan bintang padi garuda globe merah kuning biru hijau oranye orange jingga gurem`);
export const SYMBOL_LEADS = words(`berlambang lambang lambangnya logo logonya simbol simbolnya`);

export type CueKind = 'role' | 'honorific' | 'pair' | 'ticket-tag';

export interface Cue {
  kind: CueKind;
  first: number;
  last: number;
}

/** Is the letter at `at` a capital (a letter with a lower case, written upper)? */
export const isCap = (text: string, at: number) => {
  const c = text[at] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
};

/**
 * Is token i a personal name as written: capitalised (or after an honorific, in a post with no capital
 * letter at all), not a word the packs know, not a kinship word, not in a tag?
 */
export function personalNameAt(insp: Inspection, text: string, i: number): boolean {
  const tok = insp.tokens.tokens[i];
  if (!tok || tok.kind !== 'word' || tok.tag !== undefined || tok.text.length < 3 || insp.vocabulary.has(tok.text) || KIN.has(tok.text)) return false;
  if (isCap(text, tok.start)) return true;
  // a post written all in lower case names people so too: after an honorific ("pak slamet", "bang midji")
  return i > 0 && HONORIFICS.has(insp.tokens.tokens[i - 1]!.text) && lowerCaseOnly(insp, text);
}

const lowerOnly = new WeakMap<Inspection, boolean>();
/** Is the text written without a capital letter (asked once per inspection: names are looked up per token)? */
function lowerCaseOnly(insp: Inspection, text: string): boolean {
  let v = lowerOnly.get(insp);
  if (v === undefined) lowerOnly.set(insp, (v = !/\p{Lu}/u.test(text)));
  return v;
}

/** A finger sign counted at token i, inside [.., to): "tiga jari", "2 jari", "tilu ramo". */
export function countedFingersAt(insp: Inspection, i: number, to: number): boolean {
  const { tokens } = insp.tokens;
  const t = tokens[i]!;
  return (CARDINALS.has(t.text) || (t.kind === 'number' && t.text.length === 1)) && i + 1 < to && (!!insp.classes[i + 1]?.includes('jari') || FINGERS.has(tokens[i + 1]!.text));
}

/** A salute's emoji (☝️ ✌️ 🤟 👌) at token i. */
export const saluteEmojiAt = (insp: Inspection, i: number) => insp.tokens.tokens[i]!.kind === 'emoji' && FINGER_EMOJI.test(insp.tokens.tokens[i]!.text);

/** "jangan sampai …", "ojo nganti …", "jangan mau …": what leads a warning against an outcome. */
export const OUTCOME_LEAD = words(`sampai sampe nganti mau sampek smp`);
/** Outcomes of a contest warned against: winning, ruling, leading, becoming. */
export const OUTCOME = words(`menang berkuasa jadi menjadi dipimpin memimpin mimpin terpilih kuasa jatuh dikuasai duduk`);

/** Wishes, in Indonesian and regional forms ("semoga", "mugi", "mugia", "moge"): "semoga jadi walkot". */
export const HOPE = words(`semoga moga mugi mugia mugo moge mogi semogo mudah2an mudahan insyaallah hopefully`);
/** Relative words that make "… milih X" a reference to a camp's voters ("yang milih X", "sing milih X", "nu milih X"). */
export const RELATIVE = words(`yang yg sing seng nu nan se sing`);
/** Words for a camp's voters and ranks: who a post mocks or joins. */
export const CAMP_WORDS = words(`pemilih barisan kubu pasukan laskar`);
/** Words of a team's organisation: what a team is made of and who runs it. */
export const TEAM_HEADS = words(`tim ketua koordinator kordinator korlap korcam kordes sekretaris bendahara pengurus saksi`);
/** What comes after "tim" when it is a campaign team ("tim sukses", "tim pemenangan", "tim FiNo"). */
export const TEAM_TAILS = words(`sukses pemenangan kampanye relawan pemenang`);
/**
 * Laughter, eye-rolls and clowns: how mockery marks itself; also the emoji's names, as text exported
 * from a site or a dataset writes them ("facewithtearsofjoy").
 */
export const MOCK = words(`wkwk wkwkwk wkwkwkwk haha hahaha awokawok kwkw 🤣 😂 🙄 🤡 😏 🙃 🤭 😒 🤪 😜 lucu kasian kasihan cih
  facewithtearsofjoy rollingonthefloorlaughing facewithrollingeyes clownface smirkingface upsidedownface facewithhandovermouth
  unamusedface zanyface winkingfacewithtongue grinningsquintingface`);
/** Campaign goods: what a camp prints, hands out and wears. */
export const GOODS = words(`kaos kaus stiker kalender baliho spanduk bendera rompi jaket brosur pin topi atribut banner poster mural sablon selebaran pamflet`);

/** Prohibitions and refusals before a call verb ("jangan pilih", "ulah dipilih", "eda milih", "gak sudi milih"). */
export const PROHIBIT = words(`jangan jgn jngn ojo ojok ulah aja usah tong bek jang ja eda ora ga gak nggak ngga enggak tidak tak emoh ogah dont don't never`);
/** Belittling: "cuma", "doang", "mung", "modal tampang": a candidate reduced to little. */
export const BELITTLE = words(`cuma doang doank mung mek ngan modal numpang sekadar`);
/** Collective first person: the "we" of a camp. */
export const WE = words(`kita kami kito awak katong kulo kami2 kita2 urang`);
/** Colleagues addressed as a group, and what they are asked to do: how an official mobilises staff. */
export const COLLEAGUES = words(`rekan rekan2 teman2 temen2 staf staff pegawai karyawan bapak2 ibu2 guru2 jajaran anggota`);
export const TURNOUT = words(`daftar hadir absen absensi kumpul ngumpul dikumpulkan wajib diundang undang berangkat rombongan kehadiran datang`);

/** What a number names when it is no ballot: a house, a room, a seat, a phone ("rumah nomor 17", "kamar no. 3"). */
export const ADDRESS_NOUNS = words(`rumah kamar blok gang gg jalan jl kav kavling lantai meja kursi loket antrian antrean pintu hp wa telp telepon rekening rek punggung sepatu kode kelas ruang ruangan lapak kios bus angkot`);
/** Travel words before a dashed pair of places ("tiket Jakarta-Medan", "rute Solo–Semarang"). */
export const ROUTE_WORDS = words(`tiket pesawat penerbangan rute jurusan kereta ka bus travel tol trayek perjalanan mudik flight`);
/** Is token i a number (or "nomor N") naming an address, a room or a seat rather than a ballot? */
export function addressAt(insp: Inspection, i: number): boolean {
  const { tokens } = insp.tokens;
  // asked of most numbers and ballot words in every chunk: plain reads, no helper closures
  if (i >= 1 && ADDRESS_NOUNS.has(tokens[i - 1]!.text)) return true;
  if (i < 2) return false;
  const p = tokens[i - 1]!.text;
  return (p === 'no' || p === 'nomor' || !!insp.classes[i - 1]?.includes('nomor')) && ADDRESS_NOUNS.has(tokens[i - 2]!.text);
}

/** Cardinal numbers in Indonesian and regional languages, as ballot numbers are read out. */
export const CARDINALS = words(`
  satu dua tiga empat lima enam tujuh delapan sembilan sepuluh siji loro telu papat limo hiji tilu opat ciek duo tigo ampek
  tige sa due tellu eppa one two three four
`);

/** How near (in tokens) an election or calon word must stand to make an honorific name or a pair an actor. */
const WINDOW = 8;

/**
 * Generic actors in tokens [from, to): role words, honorific names and name pairs next to an
 * election or calon word (within `WINDOW` tokens), dashed name pairs, and glued two-name hashtags.
 */
export function genericActors(insp: Inspection, text: string, from = 0, to = insp.tokens.tokens.length): Cue[] {
  const { tokens, tags } = insp.tokens;
  const out: Cue[] = [];
  const electionAt: number[] = [];
  const calonAt: number[] = [];
  const backrefAt: number[] = [];
  const campAt: number[] = [];
  const flags = tokenFlags(insp, to);
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    const t = tok.text;
    const cls = insp.classes[i];
    const wf = flags[i]!;
    // election words, and what a ticket is named with: a call verb, a ballot number, a programme, a greeting
    if (
      wf & (W.election | W.role) ||
      (wf & W.pairContext && !(insp.classes[i]?.includes('nomor') && addressAt(insp, i + 1))) ||
      wf & (W.call | W.backref) ||
      cls?.includes('electoral') ||
      cls?.includes('support-verb') ||
      cls?.includes('oppose-verb') ||
      (tok.kind === 'number' && t.length <= 2 && !addressAt(insp, i))
    )
      electionAt.push(i);
    if (wf & W.calon && !(insp.classes[i]?.includes('nomor') && addressAt(insp, i + 1))) calonAt.push(i);
    if (wf & W.backref) backrefAt.push(i);
    if (wf & (W.campWork | W.fingers) || saluteEmojiAt(insp, i)) campAt.push(i);
  }
  // asked two or three times of most tokens below: read once each, for [from, to] (the walk looks one past)
  const isName = new Uint8Array(to - from + 1);
  for (let i = from; i <= to; i++) if (personalNameAt(insp, text, i)) isName[i - from] = 1;
  const seenTag = new Set<number>();
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    if (tok.tag !== undefined) {
      if (seenTag.has(tok.tag)) continue;
      seenTag.add(tok.tag);
      const tag = tags[tok.tag]!;
      if (tag.sigil !== '#') continue;
      // two or more capitalised name pieces, the rest only years or small numbers
      let names = 0;
      let other = false;
      for (let k = tag.first; k <= tag.last; k++) {
        const p = tokens[k]!;
        if (p.kind === 'number') continue;
        if (isCap(text, p.start) && p.text.length >= 3 && !insp.vocabulary.has(p.text) && !ELECTION_WORDS.has(p.text)) names++;
        else if (!ROLE_WORDS.has(p.text) && !ELECTION_WORDS.has(p.text)) other = true;
      }
      if (names >= 2 && !other) out.push({ kind: 'ticket-tag', first: tag.first, last: tag.last });
      continue;
    }
    const wf = flags[i]!;
    if (wf & W.role && (tok.text !== 'calon' || nearAny(electionAt, i, i) || isName[i + 1 - from] === 1)) {
      let last = i;
      while (last + 1 < to && last - i < 3 && isName[last + 1 - from] === 1) last++;
      out.push({ kind: 'role', first: i, last });
      i = last;
      continue;
    }
    if (wf & W.honorific && isName[i + 1 - from] === 1 && (nearAny(calonAt, i) || nearAny(electionAt, i) || nearAny(campAt, i))) {
      let last = i + 1;
      while (last + 1 < to && last - i < 3 && isName[last + 1 - from] === 1) last++;
      out.push({ kind: 'honorific', first: i, last });
      i = last;
      continue;
    }
    // a dashed pair of names is a ticket wherever it stands ("Herman–Rina", "Luthfi–Yasin"); the model reads the rest
    // (but not a route between two places: "tiket pesawat Jakarta-Medan")
    if (isName[i - from] === 1 && isName[i + 1 - from] === 1 && /^\s*[-–—&/]\s*$/.test(text.slice(tok.end, tokens[i + 1]!.start)) && ![1, 2, 3].some((d) => ROUTE_WORDS.has(tokens[i - d]?.text ?? ''))) {
      out.push({ kind: 'pair', first: i, last: i + 1 });
      i++;
      continue;
    }
    // "Sugeng dan Dwi … menangkan beliau berdua"; "Kang Ujang sareng Teh Dewi, … ngabela aranjeunna duaan":
    // two names (each perhaps with an honorific) joined, then an election word near or a back-reference
    // to the two of them anywhere after
    if (isName[i - from] === 1 || (HONORIFICS.has(tok.text) && isName[i + 1 - from] === 1)) {
      let j = HONORIFICS.has(tok.text) ? i + 1 : i;
      while (j + 1 < to && j - i < 3 && isName[j + 1 - from] === 1) j++;
      if (j + 2 < to && PAIR_JOINERS.has(tokens[j + 1]!.text)) {
        let k = j + 2;
        if (HONORIFICS.has(tokens[k]!.text) && isName[k + 1 - from] === 1) k++;
        if (isName[k - from] === 1 && (nearAny(electionAt, i) || backrefAt.some((b) => b > k))) {
          while (k + 1 < to && isName[k + 1 - from] === 1) k++;
          out.push({ kind: 'pair', first: i, last: k });
          i = k;
        }
      }
    }
  }
  return out;
}

/** Is one of the token indices in `list` (other than `except`) within WINDOW tokens of i? */
function nearAny(list: readonly number[], i: number, except = -1): boolean {
  for (let j = 0; j < list.length; j++) if (list[j] !== except && Math.abs(list[j]! - i) <= WINDOW) return true;
  return false;
}

/** Is one of `list` among a token's classes? (A loop, not a closure per token: asked of most tokens.) */
export function someIn(cls: readonly string[], list: readonly string[]): boolean {
  for (let j = 0; j < cls.length; j++) if (list.includes(cls[j]!)) return true;
  return false;
}

/** Bits of wordFlags: which of the word lists above a token's text is in. */
export const W = {
  election: 1 << 0,
  role: 1 << 1,
  pairContext: 1 << 2,
  call: 1 << 3,
  backref: 1 << 4,
  calon: 1 << 5,
  campWork: 1 << 6,
  fingers: 1 << 7,
  honorific: 1 << 8,
  firstPerson: 1 << 9,
  secondPerson: 1 << 10,
  imperative: 1 << 11,
  office: 1 << 12,
  worthy: 1 << 13,
  prohibit: 1 << 14,
  campWords: 1 << 15,
  mock: 1 << 16,
  belittle: 1 << 17,
  goods: 1 << 18,
  teamHeads: 1 << 19,
  we: 1 << 20,
  colleagues: 1 << 21,
  turnout: 1 << 22,
  cardinal: 1 << 23,
  englishElection: 1 << 24,
  hope: 1 << 25,
} as const;

const FLAG_LISTS: [number, ReadonlySet<string>][] = [
  [W.election, ELECTION_WORDS], [W.pairContext, PAIR_CONTEXT], [W.call, CALL_WORDS], [W.backref, BACKREF], [W.calon, CALON_WORDS],
  [W.campWork, CAMP_WORK], [W.fingers, FINGERS], [W.honorific, HONORIFICS], [W.firstPerson, FIRST_PERSON], [W.secondPerson, SECOND_PERSON],
  [W.imperative, IMPERATIVE], [W.office, OFFICE_WORDS], [W.worthy, WORTHY], [W.prohibit, PROHIBIT], [W.campWords, CAMP_WORDS], [W.mock, MOCK],
  [W.belittle, BELITTLE], [W.goods, GOODS], [W.teamHeads, TEAM_HEADS], [W.we, WE], [W.colleagues, COLLEAGUES], [W.turnout, TURNOUT],
  [W.cardinal, CARDINALS], [W.englishElection, ENGLISH_ELECTION], [W.hope, HOPE],
];
const flagCache = new Map<string, number>();

/**
 * wordFlags of an inspection's tokens, filled as far as asked ([0, upTo) at least): the chunks' cues,
 * gate and features each ask them of every token, and on a long text one lookup per token is less
 * than three. Filled chunk by chunk, as the stage reads them: it stops at the first violation.
 */
export function tokenFlags(insp: Inspection, upTo: number): Int32Array {
  let e = tokenFlagCache.get(insp);
  if (!e) tokenFlagCache.set(insp, (e = { flags: new Int32Array(insp.tokens.tokens.length), filled: 0 }));
  if (e.filled < upTo) {
    const { tokens } = insp.tokens;
    const end = Math.min(tokens.length, upTo);
    for (let i = e.filled; i < end; i++) e.flags[i] = wordFlags(tokens[i]!.text);
    e.filled = end;
  }
  return e.flags;
}
const tokenFlagCache = new WeakMap<Inspection, { flags: Int32Array; filled: number }>();

/**
 * Which word lists a token's text is in (and whether it is a role word), as bits of W: the learned
 * stage asks a score of lists about every token of every chunk, and one lookup per word costs far
 * less than a score. The lists are fixed, so a word's bits never change; bounded like the other word caches.
 */
export function wordFlags(t: string): number {
  let f = flagCache.get(t);
  if (f !== undefined) return f;
  f = roleWord(t) ? W.role : 0;
  for (const [bit, list] of FLAG_LISTS) if (list.has(t)) f |= bit;
  if (!(f & W.election) && suffixedElectionWord(t)) f |= W.election;
  if (flagCache.size >= 20_000) flagCache.clear();
  flagCache.set(t, f);
  return f;
}
