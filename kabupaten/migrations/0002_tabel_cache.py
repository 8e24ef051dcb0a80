"""The cache table of ``settings.CACHES`` (the kabupaten pages are kept there): made by
``migrate`` itself, so no install, upgrade, restore or bench can write data before it exists."""

from django.core.management import call_command
from django.db import migrations


def buat_tabel_cache(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("kabupaten", "0001_katalog_pemetaan")]

    operations = [migrations.RunPython(buat_tabel_cache, migrations.RunPython.noop, elidable=False)]
