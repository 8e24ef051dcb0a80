import os

from django.core.management.base import BaseCommand

from kecamatan.models import Kecamatan
from lkip.accounts.models import Peran, User

KECAMATAN_DEMO = "kalisat"

#: user name, role, first name, last name; kecamatan roles belong to ``KECAMATAN_DEMO``.
AKUN = [
    ("admin", Peran.ADMIN, "Administrator", "Demo"),
    ("operator", Peran.OPERATOR, "Operator", "Kalisat"),
    ("camat", Peran.CAMAT, "Camat", "Kalisat"),
    ("bappeda", Peran.BAPPEDA, "Bappeda", "Demo"),
    ("inspektorat", Peran.INSPEKTORAT, "Inspektorat", "Demo"),
]


class Command(BaseCommand):
    help = "Buat (atau setel ulang) satu akun demo per peran dan cetak kredensialnya. Hanya untuk demo."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--alamat", default="http://127.0.0.1:8000/", help="Alamat aplikasi yang dicetak")

    def handle(self, *args, **options) -> None:
        sandi = os.environ.get("LKIP_DEMO_PASSWORD", "sakip-demo-2026")
        kecamatan = Kecamatan.objects.filter(slug=KECAMATAN_DEMO).first()
        self.stdout.write(self.style.SUCCESS("Akun demo siap:"))
        for nama, peran, depan, belakang in AKUN:
            if peran in (Peran.OPERATOR, Peran.CAMAT) and kecamatan is None:
                self.stdout.write(f"  {peran.label:<20} dilewati: kecamatan «{KECAMATAN_DEMO}» belum dimuat")
                continue
            user, _ = User.objects.get_or_create(username=nama)
            user.peran = peran
            user.kecamatan = kecamatan if peran in (Peran.OPERATOR, Peran.CAMAT) else None
            user.first_name = depan
            user.last_name = belakang
            user.is_staff = user.is_superuser = peran == Peran.ADMIN
            user.is_active = True
            user.set_password(sandi)
            user.full_clean()
            user.save()
            tempat = f" ({kecamatan})" if user.kecamatan else ""
            self.stdout.write(f"  {peran.label + tempat:<32} nama pengguna: {nama:<12} sandi: {sandi}")
        self.stdout.write(f"  buka {options['alamat']}")
