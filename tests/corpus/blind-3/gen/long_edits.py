# ALREADY APPLIED to the b*.txt files; kept for the record. Do not re-run (long_edits.py would append its five added posts again).
# One-off edit applied to the batch files: lengthen some posts (WA forwards, long comments, circulars).
import glob, sys
R = {
"WA FORWARD: Bapak/Ibu yth, mari kita sukseskan pemilu damai dgn memilih paslon 02 Prabowo-Gibran. Sebarkan ke 10 grup":
"*PESAN BERANTAI* 🇮🇩 Assalamualaikum Bapak/Ibu yth. Pemilu tinggal menghitung hari. Mari kita sukseskan pemilu damai, jangan mau diadu domba, jangan percaya hoaks. Negara ini butuh keberlanjutan, pemimpin yg sudah teruji dan didukung anak muda. Tanggal 14 Februari mari bersama memilih paslon 02 Prabowo-Gibran. Satu putaran, hemat anggaran! Mohon sebarkan ke minimal 10 grup. Jazakallah khair 🙏",
"rekan2 se-dinas yg blm kumpulin fotokopi KTP buat data relawan 02, paling lambat jumat ya":
"rekan2 se-dinas yg blm kumpulin fotokopi KTP buat data relawan 02, paling lambat jumat ya. nanti sy rekap di excel trus dikirim ke korcam. yg udah kumpul baru 23 org dr 60, masih jauh. ingat ini buat kepentingan kita jg, biar program yg sdh jalan gak berhenti. kalo ada yg keberatan japri aja, jgn dibahas di grup 🙏",
"penguasa 10 thn bikin dinasti, skrg anaknya dipaksain jd cawapres. yakin masih mau coblos 02?? mikir":
"penguasa 10 thn bikin dinasti, skrg anaknya dipaksain jd cawapres lewat putusan MK yg dipimpin pamannya sendiri. aturan diubah2 seenaknya demi satu keluarga. ini bukan soal suka gak suka, ini soal etika. yakin masih mau coblos 02?? mikir, bapak ibu. jgn sampe anak cucu kita nanya kenapa dulu diem aja",
"ngeri bgt kalo yg menang yg itu tuh, ibu kota baru mangkrak, food estate mangkrak. 01 jg cm janji. 03 aja lah":
"jujur ya, ngeri bgt kalo yg menang yg itu tuh. food estate mangkrak di kalteng, ibu kota baru duitnya dr mana gak jelas. terus yg satunya lagi 01 cuma janji2 perubahan tp koalisinya isinya orang lama juga. kalau mau yg realistis, yg ngerti birokrasi dan berani sama koruptor, 03 aja lah. udah itu aja pendapat sy, silakan kalau gak setuju",
"pak prabowo itu negarawan sejati, udh kalah 2x tetep legowo malah bantu pemerintah. layak jd presiden":
"pak prabowo itu negarawan sejati. 2014 kalah, 2019 kalah, tp gak dendam, malah mau jd menteri pertahanan bantu pemerintah. mana ada tokoh lain yg sebesar itu jiwanya. umur bukan masalah, pengalaman beliau jauh di atas yg lain. kalo bukan sekarang kapan lagi. layak jd presiden, titik 🇮🇩",
"nonton debat td, cuma pak anies yg jawab pake data. presiden yg kita butuhkan":
"nonton debat td sampe selesai. yg satu bawa catatan tp gak dibaca, yg satu lagi malah nyerang pribadi. cuma pak anies yg jawab pake data, runtut, gak emosian, dan tetep senyum walaupun diserang. menurut sy itu presiden yg kita butuhkan, yg bisa diajak mikir bukan cuma joget. sori kalau panjang, gemes aja",
"makan siang & susu gratis buat anak sekolah, 80 rb sekolah bisa ngerasain. program nyata paslon 02":
"buat yg nanya program: makan siang & susu gratis buat anak sekolah dan ibu hamil, jangkauannya puluhan juta anak. petani lokal dan UMKM katering bakal kebagian rezeki jg krn bahan2nya dibeli dr daerah. terus ada program 3 juta rumah, hilirisasi lanjut, swasembada pangan. ini program nyata paslon 02, bukan angan2. save dan share ke grup keluarga 👍",
"tetangga sy pak yoyok nyaleg DPRD surabaya dapil 2 PDIP no 3, orangnya baik rek, ayo dibantu":
"rek, tetangga sy pak yoyok hartanto nyaleg DPRD surabaya dapil 2 PDIP no 3. wonge apik, pas banjir kemarin beliau yg pertama dateng bawa perahu karet, pas pandemi bagi2 sembako ke kampung2. gak tau nyaleg sek wes gelem bantu. nek sampeyan dapil 2, coblos banteng terus nomer 3 yo. matur suwun rek 🙏",
"Dr. Faisal Amri, caleg DPR RI dapil DKI III no 3 PKS. insyaAllah amanah. silakan sebar":
"Bismillah. Mengenal lebih dekat Dr. Faisal Amri, caleg DPR RI dapil DKI Jakarta III (Jakarta Utara, Barat, Kep. Seribu) nomor urut 3 dari PKS. Dosen, aktivis masjid, pendamping UMKM nelayan Muara Angke sejak 2015. InsyaAllah amanah dan siap memperjuangkan aspirasi warga di Senayan. Silakan sebar ke keluarga & grup pengajian. 🧡 #PKSMelayani",
"mohon doa dan dukungannya, Hj. Lilis Suryani caleg DPRD Garut dapil 3 dari PKB nomor urut 5. coblos ya wargi 🙏":
"Assalamualaikum wargi dapil 3 Garut. Mohon doa dan dukungannya kanggo Hj. Lilis Suryani, caleg DPRD Kabupaten Garut ti PKB nomor urut 5. Ibu Lilis tos 10 taun ngabina majelis taklim sareng posyandu, apal pisan kana kabutuhan ibu-ibu di desa. Tanggal 14 Februari coblos logo PKB atanapi nomer 5 nya. Hatur nuhun 🙏💚",
"surat edaran sekda: seluruh ASN pemkab dilarang menghadiri deklarasi paslon bupati dan wakil bupati":
"Menindaklanjuti surat edaran Sekda No. 800/xx/BKPSDM tentang netralitas ASN dalam Pilkada 2024, disampaikan kepada seluruh ASN di lingkungan pemkab: dilarang menghadiri deklarasi paslon bupati dan wakil bupati, dilarang berfoto dengan paslon maupun alat peraganya, dilarang memberi like/komentar/share konten kampanye di medsos, dan dilarang menggunakan fasilitas dinas untuk kegiatan paslon. Pelanggaran akan diproses sesuai PP 94/2021. Mohon diteruskan ke unit kerja masing-masing.",
"tips pemilu utk ASN: 1) jgn upload foto sama capres 2) jgn pake atribut partai 3) jgn ikut grup relawan 4) coblos dgn tenang di TPS":
"tips pemilu utk ASN biar aman 😅 1) jgn upload foto sama capres/cawapres, walaupun ketemu gak sengaja di bandara 2) jgn pake kaos atau topi partai, termasuk yg dikasih gratis 3) jgn gabung grup WA relawan, keluar aja baik2 4) jgn pose jari pas foto rame2 5) jgn like atau share konten kampanye, walaupun konten lucu 6) tetep nyoblos dgn tenang di TPS. pilihanmu cukup kamu & Tuhan yg tau",
"ASN dilarang jd anggota atau pengurus parpol, sanksinya diberhentikan tdk dgn hormat. jgn main2":
"sekedar info buat rekan2 yg baru diangkat PPPK maupun CPNS: ASN dilarang jd anggota apalagi pengurus parpol. sanksinya bukan teguran lagi, tp diberhentikan tdk dgn hormat. jadi kalau dulu sebelum daftar sempet punya KTA partai, segera urus surat pengunduran diri dan simpan buktinya. jgn main2, sayang perjuangan tesnya",
"KPU tetapkan nomor urut capres-cawapres 2024: Anies-Muhaimin nomor 1, Prabowo-Gibran nomor 2, Ganjar-Mahfud nomor 3":
"JAKARTA – KPU RI menetapkan nomor urut pasangan capres-cawapres Pemilu 2024 dalam rapat pleno terbuka, Selasa (14/11/2023) malam. Hasilnya, Anies Baswedan-Muhaimin Iskandar nomor urut 1, Prabowo Subianto-Gibran Rakabuming Raka nomor urut 2, dan Ganjar Pranowo-Mahfud MD nomor urut 3. Ketiga pasangan menyampaikan pidato singkat usai pengundian dan menyatakan siap berkompetisi secara damai.",
"CEK FAKTA: video Ganjar menolak timnas Israel diedit, narasi di video itu menyesatkan":
"CEK FAKTA: beredar video berdurasi 1 menit yg diklaim Ganjar menyatakan mendukung timnas Israel main di Indonesia. Setelah ditelusuri, video itu potongan wawancara lama yg diedit dan diberi narasi terbalik. Faktanya pernyataan asli justru soal penolakan. Kesimpulan: konten menyesatkan (misleading). Selalu cek sumber sebelum menyebarkan ya.",
"pramono-rano menang satu putaran di jakarta versi KPU, RIDO tak ajukan gugatan":
"KPU DKI menetapkan Pramono Anung-Rano Karno sebagai pemenang Pilkada Jakarta 2024 dgn perolehan sedikit di atas 50%, sehingga tidak perlu putaran kedua. Ridwan Kamil-Suswono di posisi kedua, Dharma Pongrekun-Kun Wardana ketiga. Kubu RIDO menyatakan tidak mengajukan gugatan ke MK dan mengucapkan selamat kepada pemenang.",
"ada 5 surat suara nanti: presiden (abu2), DPR (kuning), DPD (merah), DPRD prov (biru), DPRD kab/kota (hijau)":
"buat yg baru pertama kali nyoblos: nanti di TPS kamu dapet 5 surat suara. presiden & wapres warnanya abu2, DPR RI kuning, DPD merah, DPRD provinsi biru, DPRD kab/kota hijau. (yg di jakarta cuma 4 krn gak ada DPRD kab/kota). buka lebar2 di bilik, coblos pake paku yg disediakan, lipat lagi seperti semula, masukin ke kotak yg warnanya sama. jgn lupa celup jari ke tinta sebelum pulang ✌️ eh maksudnya ☺️",
"pilkada serentak 27 november 2024, cek TPS kamu di situs KPU ya. surat suara ada 2: gubernur dan bupati/walikota":
"pengingat: pilkada serentak rabu 27 november 2024, hari libur nasional. cek nama & lokasi TPS kamu di cekdptonline.kpu.go.id pake NIK. surat suara ada 2: gubernur-wagub dan bupati/walikota-wakil. bawa KTP-el atau IKD + surat pemberitahuan (C pemberitahuan). kalau gak dapet undangan tp nama ada di DPT, tetap bisa nyoblos. TPS buka jam 07.00 sampai 13.00 waktu setempat.",
"pilkades sukamaju nomor 1 pak ujang kosasih, jalma soleh, tos kabuktian ngabantu warga. dukung! | Supports a village head candidate with ballot number.":None,
}
# posts replaced by longer ones in pileg/pilkades (rebalance away from none)
DROP = ["kantor kami kedatangan kepala dinas baru", "merah putih di dada, 17 agustus", "bagi2 takjil gratis depan masjid",
        "pengajian ibu2 malam jumat pindah", "tim penggerak PKK desa juara"]
ADD = """v cal pl | Assalamualaikum bapak ibu sekalian, mohon maaf mengganggu waktunya. Perkenalkan saya Rizky Ananda, caleg DPRD Kota Yogyakarta dapil 3 dari PAN nomor urut 6. Saya lahir dan besar di Kotagede, aktif di karang taruna dan komunitas UMKM batik. Kalau diberi amanah, saya akan perjuangkan pasar rakyat yg lebih bersih dan beasiswa buat anak2 muda Jogja. Mohon doa restu dan coblos PAN nomor 6 🙏☀️ | Long broadcast asking for votes for a named caleg.
o neu pl | Yth. Bapak/Ibu Guru ASN dan PPPK di lingkungan Dinas Pendidikan. Sehubungan dengan tahapan Pemilu 2024, kami ingatkan: jangan membagikan alat peraga caleg atau partai di sekolah, jangan menggunakan grup wali murid untuk menyebarkan ajakan memilih, dan jangan memasang stiker caleg di kendaraan dinas maupun ruang kelas. Sekolah adalah ruang netral. Terima kasih atas kerja samanya. | Official reminder listing what ASN teachers must not do during Pileg.
o vot pl | @USER iya kak, coblos partainya aja sah, nanti suaranya masuk ke partai. coblos nama calegnya aja juga sah, suara dihitung buat caleg itu sekaligus partainya. yg gak sah itu kalau nyoblos 2 partai beda atau nyoblos di luar kolom. kalau masih ragu tanya petugas KPPS pas di TPS, mereka wajib jelasin | Explains valid ballot marking in a reply.
o nws pd | Pilkades serentak di Kabupaten Boyolali berlangsung kondusif. Di Desa Ngargorejo, partisipasi warga mencapai 81 persen. Panitia menyebut penghitungan suara selesai pukul 17.30 dan disaksikan perwakilan kedua calon, Sutrisno dan Bejo Santoso. Hasil resmi akan ditetapkan BPD setelah masa sanggah tiga hari. | Neutral news report on a village election.
v cmp pd | dulur2, sesuk bengi kumpul neng omahe pak suparno jam 8. agendane ngatur saksi TPS karo pembagian kaos lan stiker. sing guru lan perangkat desa nek iso teko, awake dewe butuh wong sing iso nulis rapi gawe rekap. ojo lali nggowo fotokopi KTP keluarga, kanggo data pendukung. matur nuwun 🙏 | Javanese invitation mobilising teachers and village staff to a village head campaign meeting.
"""
for f in glob.glob('b*.txt'):
    lines = open(f, encoding='utf-8').read().split('\n')
    out = []
    for line in lines:
        if any(d in line for d in DROP):
            continue
        for old, new in R.items():
            if new and (' | ' + old + ' | ') in line:
                line = line.replace(' | ' + old + ' | ', ' | ' + new + ' | ')
        out.append(line)
    if f == 'b4_pilkades_extra.txt':
        out = [l for l in out if l] + ADD.strip().split('\n') + ['']
    open(f, 'w', encoding='utf-8').write('\n'.join(out))
