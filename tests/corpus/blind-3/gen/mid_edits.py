# ALREADY APPLIED to the b*.txt files; kept for the record. Do not re-run (long_edits.py would append its five added posts again).
# One-off edit: trim the longest post and lengthen some posts into the 130-250 character range.
import glob
R = {
" Mohon diteruskan ke unit kerja masing-masing.": "",
"dilarang berfoto dengan paslon maupun alat peraganya": "dilarang berfoto dengan paslon",
"jgn pilih bobby, modal mertua doang. sumut bukan warisan keluarga":
 "jgn pilih bobby, modal mertua doang. jd walikota medan aja belum selesai satu periode udah loncat ke gubernur. sumut bukan warisan keluarga, kawan. masih banyak putra daerah yg lebih pantas",
"kang dedi mah kanyaah ka rakyat leutik, geus kabuktian. layak jadi gubernur":
 "kang dedi mah kanyaah ka rakyat leutik, geus kabuktian ti jaman jadi bupati purwakarta. sakola dibenerkeun, jalan dibenerkeun, budaya sunda dijaga. layak jadi gubernur jabar, moal aya deui nu kitu",
"alhamdulillah posko relawan AMIN kec. tanah abang sdh resmi dibuka, yg mau gabung japri aja":
 "alhamdulillah posko relawan AMIN kec. tanah abang sdh resmi dibuka, tiap malem ada diskusi sama nonton bareng debat. kopi sama gorengan gratis. yg mau gabung atau mau bantu jd saksi TPS japri aja ya ☝️",
"reminder buat kita2 ASN: jgn like, share, komen postingan capres cawapres manapun ya. netral itu wajib bukan pilihan":
 "reminder buat kita2 ASN: jgn like, share, komen postingan capres cawapres manapun ya, termasuk yg cuma mampir di beranda. komen nyinyir ke paslon lawan juga dihitung lho. netral itu wajib bukan pilihan",
"hasil rekap KPU jatim: khofifah-emil unggul. risma-gus hans kedua, luluk-lukman ketiga":
 "hasil rekapitulasi KPU jatim: khofifah-emil unggul dgn suara terbanyak di mayoritas kab/kota. risma-gus hans di posisi kedua, luluk-lukman ketiga. para paslon diberi waktu 3 hari kerja kalau mau mengajukan sengketa ke MK",
"bu risma tetangga sy baru buka laundry kiloan, murah dan wangi":
 "bu risma tetangga sy baru buka laundry kiloan di depan gang, 6rb/kg, sehari jadi, wangi lagi. yg daerah sekitar perumnas boleh dicoba, sekalian bantu usaha tetangga 🧺",
"td foto sama pak ganjar pas blusukan di pasar, semoga jadi presiden ya pak 🙏🙏":
 "td pagi pas belanja ke pasar gede, eh ada pak ganjar blusukan. langsung minta foto, orangnya ramah bgt, nanya harga cabe segala. semoga jadi presiden ya pak 🙏🙏 #tigajari",
"kalau ada temen kantor ngajak ke kampanye akbar, tolak baik2 aja ya. bilang lg dinas luar 😁":
 "kalau ada temen kantor ngajak ke kampanye akbar, tolak baik2 aja ya. gak usah ceramahin jg, cukup bilang lg ada urusan keluarga 😁 yg penting kita gak ikut, biar sama2 aman dan gak ada yg baper",
"pilkades cikeusal, pilih ceu ai nurhayati nomer 2. ulah kabawa duit nya!":
 "pilkades cikeusal tinggal saminggu deui. hayu warga, pilih ceu ai nurhayati nomer 2, nu jujur, nu sok ngurus posyandu, nu daek turun ka sawah. ulah kabawa ku duit atawa beas nya!",
"pemilihan ketua RT 05 minggu depan, pak darto atau pak rahmat ya. dua2nya baik":
 "pemilihan ketua RT 05 minggu depan di pos ronda. calonnya pak darto (pensiunan guru) sama pak rahmat (yg punya bengkel). dua2nya baik, yg penting nanti iuran sampah jelas laporannya 😅",
"partai buruh no 6, pekerja jgn pilih partai yg bikin omnibus law. pilih partai kita sendiri":
 "kawan2 buruh pabrik, inget gak siapa yg ngesahin omnibus law tengah malem? jgn pilih partai2 itu lagi. saatnya buruh punya partai sendiri, partai buruh nomor 6. pilih partai kita sendiri ✊",
"KPU kota makassar umumkan nomor urut paslon walikota, andi rahman-nurhayati dapat nomor 4":
 "KPU kota makassar umumkan nomor urut paslon walikota dlm rapat pleno terbuka semalam. pasangan andi rahman patta-nurhayati daeng ngai dapat nomor 4. pengundian berlangsung aman dan dihadiri para pendukung",
"sy ASN, jd maaf kl sy gk bs hadir di acara syukuran posko calon walikota. bukan gak menghargai, aturan":
 "@USER makasih undangannya bang, tp sy ASN, jd maaf kl sy gk bs hadir di acara syukuran posko calon walikota. bukan gak menghargai, aturannya memang gitu. semoga acaranya lancar ya",
}
for f in glob.glob('b*.txt'):
    s = open(f, encoding='utf-8').read()
    for o, n in R.items():
        s = s.replace(o, n)
    open(f, 'w', encoding='utf-8').write(s)
