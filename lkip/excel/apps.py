from django.apps import AppConfig


class ExcelConfig(AppConfig):
    """The Excel workbook of a kecamatan's year: the template to download and its import.

    Sits on top of every domain app (``kecamatan`` ← ``perencanaan`` ← ``capaian``,
    ``anggaran``) like the report; nothing imports it. Reading is guarded (``aman``), the diff
    is a typed plan (``rencana``) and only ``terapkan`` writes, through each app's services.
    The admin's import and export of reference data (``admin_impor``, ``sumber``) live here too,
    behind the same guard. It has no models; it is listed before ``import_export`` only so that its ``import`` command
    replaces that library's, which would write around the guard, the lock and the history.
    """

    name = "lkip.excel"
    label = "excel"
    verbose_name = "Impor Excel"
