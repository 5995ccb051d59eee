# batch 9: top-up news and neutrality
V,C,O="violation","caution","ok"
P=[
("Debat caleg DPRD Kota Bandung dapil 6 di kampus tadi: Dini Rahmawati bahas ruang laktasi, caleg lain soal parkir liar. Lumayan berisi",O,"news","pileg","Neutral report of a local caleg debate."),
("KPU umumkan caleg terpilih DPR RI Dapil Jateng V. Bagus Setiawan (PDIP) masuk, bersaing ketat dengan kader Gerindra.",O,"news","pileg","Neutral news naming an elected caleg."),
("Caleg artis banyak yg gagal ke Senayan tahun ini. Pengamat: popularitas tidak otomatis jadi suara. [CNN Indonesia]",O,"news","pileg","Neutral analysis of celebrity calegs."),
("Sidang DKPP: anggota PPK di Bangkalan terbukti geser suara caleg. Diberhentikan tetap. Miris",O,"news","pileg","Neutral news of an ethics ruling."),
("Politik uang di pileg: survei Indikator sebut 1 dari 3 pemilih pernah ditawari uang. Angka yg bikin merinding 😬",O,"news","pileg","Neutral report of a survey on vote buying."),
("Pilwana serentak di Kabupaten Agam diikuti 60an nagari. Partisipasi warga rantau lewat pulang basamo cukup tinggi.",O,"news","pilkades","Neutral news on wali nagari elections."),
("Gugatan hasil pilkades Desa Tanjung Batu ditolak PTUN. Zulkifli tetap dilantik jadi kades Januari nanti.",O,"news","pilkades","Neutral court news on a village election."),
("Pleno KPU Kab. Gowa: Haeruddin-Nurhayati menang 54%. Andi Baso-Syamsul ajukan keberatan soal DPT.",O,"news","pilkada","Neutral local result news."),
("Bawaslu Bali proses laporan dugaan politik uang saat masa tenang pilgub. Belum ada paslon yang ditetapkan bersalah.",O,"news","pilkada","Neutral watchdog news."),
("Buat rekan ASN yg suami/istrinya nyaleg: boleh datang kampanye pasangan asal cuti di luar tanggungan negara & tidak pakai atribut. Cek aturannya lagi ya",O,"neutrality","pileg","Explains rules for ASN whose spouses run."),
("Rekan2, unfollow dulu akun caleg & partai selama tahapan pemilu. Follow aja bisa dianggap bentuk dukungan lho",O,"neutrality","pileg","Neutrality advice about following accounts."),
("Sudah 3 guru di kabupaten kita kena sanksi karena upload foto bareng caleg. Mohon jadi perhatian 🙏",O,"neutrality","pileg","Cautionary neutrality notice."),
("Pegawai kecamatan jangan mau dimintain data warga sama tim caleg manapun ya. Itu data negara, bukan data kampanye",O,"neutrality","pileg","Neutrality reminder about data misuse."),
("Sekdes dan perangkat desa wajib netral di pilkades, jangan ikut jadi tim sukses calon manapun. Pesan camat 🙏",O,"neutrality","pilkades","Neutrality message for a village election."),
("Rekan ASN yg tinggal di desa, boleh nyoblos kades tapi jangan jadi tim pemenangan ya, apalagi pake seragam",O,"neutrality","pilkades","Neutrality advice for ASN in village elections."),
("Mohon grup WA guru SD tidak dipakai untuk sebar foto calon kades, meskipun calonnya suami salah satu rekan kita. Terima kasih",O,"neutrality","pilkades","Asks a teachers' group to stay neutral in a village election."),
]
