"""A unit may have several successors; the list of units shows them."""

import json

import pytest
from django.contrib.auth import get_user_model

from portal.core.models import AdminUnit
from portal.core.reference_data import load_admin_units

pytestmark = pytest.mark.django_db

ROW = {"gso_code": "", "kind": "Xã", "level": "commune", "parent": None, "valid_until": None}


def test_units_load_with_several_successors_and_older_files_still_load(tmp_path):
    rows = [
        {
            **ROW,
            "slug": "xa-cu",
            "name": "Cũ",
            "valid_from": "2000-01-01",
            "valid_until": "2025-06-30",
            "successors": ["xa-moi-a", "xa-moi-b"],
        },
        {
            **ROW,
            "slug": "xa-cu-2",
            "name": "Cũ 2",
            "valid_from": "2000-01-01",
            "valid_until": "2025-06-30",
            "successor": "xa-moi-a",
        },
        {**ROW, "slug": "xa-moi-a", "name": "Mới A", "valid_from": "2025-07-01"},
        {**ROW, "slug": "xa-moi-b", "name": "Mới B", "valid_from": "2025-07-01"},
    ]
    path = tmp_path / "units.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    load_admin_units(path)
    load_admin_units(path)
    old = AdminUnit.objects.get(slug="xa-cu")
    assert set(old.successors.values_list("slug", flat=True)) == {"xa-moi-a", "xa-moi-b"}
    new = AdminUnit.objects.get(slug="xa-moi-a")
    assert set(new.predecessors.values_list("slug", flat=True)) == {"xa-cu", "xa-cu-2"}
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.org", "x")
    from django.test import Client

    client = Client()
    client.force_login(admin)
    html = client.get("/admin/snippets/core/adminunit/").content.decode()
    assert "Xã Mới A, Xã Mới B" in html
