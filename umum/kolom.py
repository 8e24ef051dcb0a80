"""Model and form fields for what users type: numbers checked against their column by the one
number module (``umum.angka``), free text with an enforced length, names without bidi controls."""

from decimal import Decimal

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

from umum.angka import AngkaTidakValid, Batas, periksa_aksara, periksa_batas
from umum.teks import hapus_kendali_arah


def rentang_kolom(kolom: models.Field) -> tuple[int | None, int | None]:
    """The smallest and largest value an integer column takes on every supported database:
    the standard SQL ranges (SQLite alone would take any 64-bit value, PostgreSQL would not)
    narrowed by the column's own validators."""
    bawah, atas = BaseDatabaseOperations.integer_field_ranges.get(kolom.get_internal_type(), (None, None))
    for v in kolom._validators:
        if isinstance(v, validators.MinValueValidator):
            bawah = v.limit_value if bawah is None else max(bawah, v.limit_value)
        if isinstance(v, validators.MaxValueValidator):
            atas = v.limit_value if atas is None else min(atas, v.limit_value)
    return bawah, atas


def panjang_kolom(model: type[models.Model], nama: str) -> int | None:
    """A text column's length limit, so a form refuses what the model would."""
    return model._meta.get_field(nama).max_length


def batas_kolom(kolom: models.Field, *, rupiah: bool = False) -> Batas:
    """The ``Batas`` of a decimal or integer column, so limits are never written twice."""
    if isinstance(kolom, models.DecimalField):
        return Batas.kolom(kolom.max_digits, kolom.decimal_places, rupiah=rupiah)
    if isinstance(kolom, models.IntegerField):
        _bawah, atas = rentang_kolom(kolom)
        return Batas(bulat=len(str(atas)) if atas is not None else 18, desimal=0, rupiah=rupiah)
    raise TypeError(f"{kolom!r} is not a number column")


@deconstructible
class BatasAngkaValidator:
    """A ``DecimalField``'s digits and decimals checked by ``umum.angka.periksa_batas``, with
    its Indonesian message; it also refuses what the database could not keep exactly."""

    def __init__(self, max_digits: int, decimal_places: int) -> None:
        self.max_digits = max_digits
        self.decimal_places = decimal_places

    def __call__(self, value: Decimal) -> None:
        try:
            periksa_batas(value, Batas.kolom(self.max_digits, self.decimal_places))
        except AngkaTidakValid as exc:
            raise ValidationError(str(exc), code="batas_angka", params={"value": value}) from exc

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BatasAngkaValidator):
            return NotImplemented
        return (self.max_digits, self.decimal_places) == (other.max_digits, other.decimal_places)


class _HanyaAngkaLatin:
    """Form-field mixin: digits of other scripts are refused, not read."""

    def to_python(self, value):
        if isinstance(value, str):
            try:
                periksa_aksara(value)
            except AngkaTidakValid as exc:
                raise ValidationError(str(exc), code="angka") from exc
        return super().to_python(value)


class DesimalFormField(_HanyaAngkaLatin, forms.DecimalField):
    """The admin's number field: digits of other scripts are refused, not read."""


class DesimalField(models.DecimalField):
    """A ``DecimalField`` whose validation is the number module's: a value that does not fit
    is a message beside the field (admin, services, imports), never a 500 or a stored value
    that cannot be read back."""

    @cached_property
    def validators(self) -> list:
        lain = [v for v in super().validators if not isinstance(v, validators.DecimalValidator)]
        return [*lain, BatasAngkaValidator(self.max_digits, self.decimal_places)]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DesimalFormField, **kwargs})


class TeksField(models.TextField):
    """Free text whose ``max_length`` is enforced when validated (a plain ``TextField`` only
    hands it to the form widget)."""

    @cached_property
    def validators(self) -> list:
        lain = super().validators
        return lain if self.max_length is None else [*lain, validators.MaxLengthValidator(self.max_length)]


class TautanField(models.URLField):
    """A link typed without a scheme is read as https (the web the users link to)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class NamaField(models.CharField):
    """A name, jabatan or signatory: bidirectional control characters are removed when
    cleaned, so what is printed reads as typed."""

    def to_python(self, value):
        value = super().to_python(value)
        return hapus_kendali_arah(value) if isinstance(value, str) else value


class BulatFormField(_HanyaAngkaLatin, forms.IntegerField):
    """The admin's count field: digits of other scripts are refused, not read."""


class _Bilangan:
    """A count users type: the range is the one every supported database keeps (SQLite alone
    would take any 64-bit value), and the admin refuses other scripts' digits."""

    @cached_property
    def validators(self) -> list:
        lain = [
            v
            for v in super().validators
            if not isinstance(v, validators.MinValueValidator | validators.MaxValueValidator)
        ]
        bawah, atas = rentang_kolom(self)
        return [*lain, validators.MinValueValidator(bawah), validators.MaxValueValidator(atas)]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": BulatFormField, **kwargs})


class BilanganField(_Bilangan, models.PositiveIntegerField):
    pass


class BilanganKecilField(_Bilangan, models.PositiveSmallIntegerField):
    pass
