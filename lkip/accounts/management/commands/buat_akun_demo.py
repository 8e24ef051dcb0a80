import os

from django.core.management.base import BaseCommand

from lkip.accounts.models import Peran, User

NAMA_PENGGUNA = "admin"


class Command(BaseCommand):
    help = "Buat (atau setel ulang) akun administrator demo dan cetak kredensialnya. Hanya untuk demo."

    def handle(self, *args, **options) -> None:
        sandi = os.environ.get("LKIP_DEMO_PASSWORD", "sakip-demo-2026")
        user, _ = User.objects.get_or_create(username=NAMA_PENGGUNA)
        user.peran = Peran.ADMIN
        user.kecamatan = None
        user.first_name = "Administrator"
        user.last_name = "Demo"
        user.is_staff = True
        user.is_superuser = True
        user.set_password(sandi)
        user.full_clean()
        user.save()
        self.stdout.write(self.style.SUCCESS("Akun demo siap:"))
        self.stdout.write(f"  administrator  nama pengguna: {NAMA_PENGGUNA}  sandi: {sandi}")
        self.stdout.write("  buka http://127.0.0.1:8000/admin/")
