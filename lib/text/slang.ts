/**
 * Online spellings and abbreviations, folded to one form before matching (on the text and on the
 * patterns alike, so a pack may use either). Keys are written as people write them; they are
 * normalized (repeated letters collapsed) when the map is built.
 */
export const SLANG: Record<string, string> = {
  yg: 'yang', yng: 'yang',
  gk: 'tidak', ga: 'tidak', gak: 'tidak', nggak: 'tidak', ngga: 'tidak', enggak: 'tidak', engga: 'tidak', tdk: 'tidak', tak: 'tidak', ora: 'tidak',
  bgt: 'banget', bngt: 'banget',
  dgn: 'dengan', dg: 'dengan', dng: 'dengan',
  utk: 'untuk', untk: 'untuk',
  no: 'nomor', nmr: 'nomor', nomer: 'nomor', nmor: 'nomor', nr: 'nomor',
  jgn: 'jangan', jngn: 'jangan', jangn: 'jangan', ojo: 'jangan',
  sm: 'sama', sma: 'sama',
  aj: 'saja', aja: 'saja', ajah: 'saja', doang: 'saja',
  sy: 'saya', aq: 'aku', gw: 'saya', gue: 'saya', gua: 'saya', ane: 'saya', sya: 'saya',
  kt: 'kita', kta: 'kita',
  krn: 'karena', karna: 'karena', krna: 'karena',
  dr: 'dari', dri: 'dari',
  pk: 'pak', bpk: 'bapak', bu: 'ibu',
  sdh: 'sudah', udh: 'sudah', udah: 'sudah', dah: 'sudah',
  blm: 'belum', blum: 'belum',
  hrs: 'harus', wjb: 'wajib',
  pslon: 'paslon',
  menangin: 'menangkan', menangkn: 'menangkan', mnangkan: 'menangkan',
  coblosin: 'coblos', nyoblos: 'coblos', coblosen: 'coblos', coblosno: 'coblos', nyoblosin: 'coblos',
  pilihin: 'pilih', pilihen: 'pilih', pilihno: 'pilih', milih: 'pilih',
  plh: 'pilih', pilh: 'pilih', pillih: 'pilih',
  dukungen: 'dukung', ndukung: 'dukung', dukungin: 'dukung',
  contrengen: 'contreng', nyontreng: 'contreng',
};
