from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from lkip.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "peran", "kecamatan", "is_active"]
    list_filter = ["peran", "kecamatan", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Peran", {"fields": ["peran", "kecamatan"]})]
    add_fieldsets = [*BaseUserAdmin.add_fieldsets, ("Peran", {"fields": ["peran", "kecamatan"]})]
