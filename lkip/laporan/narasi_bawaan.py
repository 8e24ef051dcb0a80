"""Default prose for each report section, written for a kecamatan in the seeds' formal
register. A kecamatan replaces any of them with its own text (``NarasiLaporan``).

Placeholders: ``{kecamatan}`` (e.g. "Kecamatan Kalisat"), ``{kabupaten}`` ("Kabupaten
Jember"), ``{tahun}``, ``{tahun_berikut}``; nothing else is a placeholder, so any other brace
prints as written. No number about performance or budget is
written here: those sentences are generated from the data.
"""

from lkip.laporan.models import BagianNarasi

NARASI_BAWAAN: dict[str, str] = {
    BagianNarasi.KATA_PENGANTAR: """\
Puji syukur kehadirat Tuhan Yang Maha Esa, yang telah melimpahkan rahmat dan hidayah-Nya, sehingga Laporan Kinerja {kecamatan} Tahun {tahun} dapat diselesaikan.

Laporan Kinerja {kecamatan} disusun sesuai dengan amanat Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah, Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah, dan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.

Laporan Kinerja ini merupakan wujud pertanggungjawaban atas pencapaian sasaran strategis Tahun Anggaran {tahun}, sekaligus alat penilaian kinerja, wujud transparansi kepada masyarakat, dan alat pengendali peningkatan kinerja {kecamatan}. Kinerja diukur atas dasar Indikator Kinerja Utama (IKU) yang dituangkan dalam Perjanjian Kinerja {kecamatan} Tahun {tahun}.

Akhir kata, kami sampaikan terima kasih kepada semua pihak yang telah memberikan dukungan, bantuan serta partisipasi dalam penyusunan Laporan Kinerja {kecamatan} Tahun {tahun}.""",
    BagianNarasi.IKHTISAR: """\
Laporan Kinerja {kecamatan} Tahun {tahun} disusun berpedoman pada Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014. Laporan ini menyajikan capaian kinerja atas target yang tercantum dalam Rencana Strategis {kecamatan} dan dituangkan dalam Perjanjian Kinerja Tahun {tahun}.""",
    BagianNarasi.LATAR_BELAKANG: """\
Terselenggaranya tata kelola pemerintahan yang baik (good governance) merupakan prasyarat bagi setiap pemerintahan untuk mewujudkan aspirasi masyarakat. Untuk itu diperlukan sistem pertanggungjawaban yang tepat, jelas dan terukur, sehingga penyelenggaraan pemerintahan dan pembangunan berlangsung secara berdaya guna, berhasil guna, bersih dan bertanggung jawab.

Berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah, Laporan Kinerja merupakan bentuk akuntabilitas pelaksanaan tugas yang berfungsi sebagai alat penilaian kinerja, wujud transparansi dan pertanggungjawaban kepada masyarakat, serta alat kendali dan pemacu peningkatan kinerja setiap unit di lingkungan Perangkat Daerah.

Kinerja {kecamatan} diukur atas dasar Indikator Kinerja Utama (IKU) sebagai indikator keberhasilan pencapaian sasaran strategis yang telah ditetapkan dalam Perjanjian Kinerja {kecamatan} Tahun {tahun}.""",
    BagianNarasi.MAKSUD_TUJUAN: """\
Penyusunan Laporan Kinerja {kecamatan} dimaksudkan untuk memberikan informasi kinerja yang terukur atas kinerja yang telah dan seharusnya dicapai dalam satu tahun anggaran, dikaitkan dengan proses pencapaian indikator sasaran yang telah ditetapkan.

Tujuan penyusunan Laporan Kinerja {kecamatan} adalah sebagai sarana pertanggungjawaban kinerja kepada seluruh pemangku kepentingan atas pelaksanaan tugas, fungsi dan pengelolaan sumber daya, serta sebagai upaya perbaikan berkesinambungan untuk meningkatkan kinerja instansi.""",
    BagianNarasi.TUGAS_FUNGSI: """\
{kecamatan} merupakan unsur Perangkat Daerah {kabupaten} sebagai pelaksana teknis kewilayahan yang mempunyai wilayah tertentu, dipimpin oleh Camat, dalam rangka melaksanakan pelimpahan sebagian urusan pemerintahan yang menjadi kewenangan daerah dan urusan pemerintahan umum.

{kecamatan} mempunyai tugas menyelenggarakan urusan pemerintahan umum; mengoordinasikan kegiatan pemberdayaan masyarakat; mengoordinasikan upaya penyelenggaraan ketenteraman dan ketertiban umum; mengoordinasikan penerapan dan penegakan Peraturan Daerah dan Peraturan Bupati; mengoordinasikan pemeliharaan prasarana dan sarana pelayanan umum; mengoordinasikan penyelenggaraan kegiatan pemerintahan oleh Perangkat Daerah di kecamatan; membina dan mengawasi penyelenggaraan kegiatan desa dan/atau kelurahan; serta melaksanakan urusan pemerintahan yang menjadi kewenangan daerah yang tidak dilaksanakan oleh unit kerja Perangkat Daerah yang ada di kecamatan.""",
    BagianNarasi.SDM: """\
Sumber daya manusia merupakan instrumen penunjang pokok pelaksanaan tugas dan fungsi dengan kuantitas dan kualitas yang memadai sesuai analisis jabatan dan kompetensi.""",
    BagianNarasi.SARANA: """\
Dalam menjalankan tugas dan fungsi, selain penguatan sumber daya manusia juga diperlukan dukungan sarana dan prasarana yang memadai untuk menunjang penyelenggaraan pemerintahan dan pelayanan publik.""",
    BagianNarasi.ANGGARAN: """\
Dukungan anggaran untuk melaksanakan tugas dan fungsi {kecamatan} pada tahun {tahun} berasal dari Anggaran Pendapatan dan Belanja Daerah {kabupaten}.""",
    BagianNarasi.ISU_STRATEGIS: """\
Isu strategis adalah kondisi yang menjadi perhatian karena dampaknya yang signifikan bagi Perangkat Daerah di masa datang: keadaan yang apabila tidak diantisipasi akan menimbulkan kerugian yang lebih besar, atau apabila tidak dimanfaatkan akan menghilangkan peluang untuk meningkatkan layanan kepada masyarakat. Isu strategis {kecamatan} dirumuskan dengan mempertimbangkan faktor internal dan eksternal termasuk permasalahan layanan.""",
    BagianNarasi.PROFIL_WILAYAH: """\
{kecamatan} merupakan bagian dari wilayah {kabupaten}.""",
    BagianNarasi.RENSTRA: """\
Rencana Strategis {kecamatan} merupakan penjabaran operasional Rencana Pembangunan Jangka Menengah Daerah {kabupaten}, yang memuat tujuan, sasaran strategis, indikator kinerja dan target yang hendak dicapai dalam periode lima tahun.""",
    BagianNarasi.IKU: """\
Indikator Kinerja Utama (IKU) ditetapkan untuk memperoleh ukuran keberhasilan pencapaian tujuan dan sasaran strategis organisasi, yang digunakan untuk perbaikan kinerja dan peningkatan akuntabilitas kinerja. IKU menggambarkan kinerja utama Perangkat Daerah sesuai tugas, fungsi dan mandat yang diemban.""",
    BagianNarasi.PERJANJIAN: """\
Perjanjian Kinerja berisi penugasan dari pimpinan instansi yang lebih tinggi kepada pimpinan instansi yang lebih rendah untuk melaksanakan program dan kegiatan yang disertai indikator kinerja. Perjanjian Kinerja memuat sasaran strategis, indikator kinerja utama, target kinerja, serta program dan anggaran yang disediakan untuk mewujudkan sasaran.""",
    BagianNarasi.PENGUKURAN: """\
Pengukuran capaian kinerja bertujuan untuk mengetahui tingkat keberhasilan dan kegagalan {kecamatan} dalam merealisasikan target yang telah ditetapkan dalam rangka mewujudkan visi dan misi instansi pemerintah, dengan membandingkan realisasi terhadap target setiap indikator.""",
    BagianNarasi.PENUTUP: """\
Laporan Kinerja {kecamatan} ini memberikan gambaran tingkat pencapaian sasaran dan tujuan {kecamatan} sebagai penjabaran visi, misi dan strategi instansi, yang menunjukkan tingkat keberhasilan dan kegagalan pelaksanaan program dan kegiatan sesuai kebijakan yang ditetapkan.""",
    BagianNarasi.PERMASALAHAN: "",
    BagianNarasi.REKOMENDASI: """\
Melakukan pemantauan dan evaluasi capaian kinerja secara berkala setiap triwulan agar hambatan dapat diketahui dan diatasi lebih awal.

Meningkatkan koordinasi antarseksi dan dengan Perangkat Daerah terkait dalam pelaksanaan program dan kegiatan.""",
}


def isian_narasi(*, nama_kecamatan: str, kabupaten: str, tahun: int) -> dict[str, object]:
    """What the placeholders are filled with in a kecamatan's year."""
    return {
        "kecamatan": f"Kecamatan {nama_kecamatan}",
        "kabupaten": f"Kabupaten {kabupaten}",
        "tahun": tahun,
        "tahun_berikut": tahun + 1,
    }


def teks_bawaan(bagian: str, *, nama_kecamatan: str, kabupaten: str, tahun: int) -> str:
    """A section's default text as the report prints it for the kecamatan's year, so the
    narrative page shows the sentences a user edits rather than a template to decode."""
    from lkip.laporan.isi import isi_tempat

    isian = isian_narasi(nama_kecamatan=nama_kecamatan, kabupaten=kabupaten, tahun=tahun)
    return isi_tempat(NARASI_BAWAAN[bagian], isian)


def sama_teks(a: str, b: str) -> bool:
    """Two prose texts are the same, whatever line endings the browser sent."""
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


#: The body of the Camat's IKU decree, from the seeds' common wording, for a year whose decree
#: text the kecamatan has not entered (``PenetapanIku.menimbang`` …). One entry per line;
#: ``memutuskan`` is ``DIKTUM : text`` lines, each followed by its ``- item`` lines.
NASKAH_IKU_BAWAAN: dict[str, str] = {
    "menimbang": """\
bahwa untuk melaksanakan ketentuan Pasal 3 dan Pasal 4 Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/9/M.PAN/5/2007 tentang Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah, perlu menetapkan Indikator Kinerja Utama {kecamatan} {kabupaten} dalam suatu Keputusan Camat;""",
    "mengingat": """\
Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 9 Tahun 2015;
Peraturan Pemerintah Nomor 39 Tahun 2006 tentang Tata Cara Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan;
Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah;
Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah;
Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;
Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor 09/M.PAN/05/2007 tentang Pedoman Penyusunan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah;
Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor 20/M.PAN/11/2008 tentang Petunjuk Penyusunan Indikator Kinerja Utama;
Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja, dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;""",
    "memutuskan": """\
KESATU : Indikator Kinerja Utama {kecamatan} {kabupaten}.
KEDUA : Indikator Kinerja Utama {kecamatan} {kabupaten} sebagaimana dimaksud dalam Diktum KESATU tercantum dalam lampiran Keputusan ini.
KETIGA : Indikator Kinerja Utama sebagaimana dimaksud dalam Diktum KESATU dan Diktum KEDUA bertujuan untuk:
- memberikan informasi kinerja yang penting dan diperlukan dalam menyelenggarakan manajemen kinerja organisasi; dan
- mengukur keberhasilan pencapaian tujuan dan sasaran strategis yang digunakan untuk perbaikan kinerja dan peningkatan akuntabilitas kinerja organisasi.
KEEMPAT : Indikator Kinerja Utama {kecamatan} {kabupaten} sebagaimana dimaksud dalam Diktum KESATU merupakan acuan ukuran kinerja dalam:
- Perencanaan Strategis Perangkat Daerah;
- Perencanaan Tahunan Perangkat Daerah;
- Penyusunan Dokumen Perjanjian Kinerja Perangkat Daerah;
- Pelaporan Kinerja Instansi Pemerintah Perangkat Daerah; dan
- Evaluasi Kinerja Instansi Pemerintah Perangkat Daerah.
KELIMA : Keputusan ini mulai berlaku pada tanggal ditetapkan.""",
}
