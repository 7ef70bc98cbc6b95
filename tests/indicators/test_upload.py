"""Uploading figures: per-row errors in Vietnamese, and one rejected row saves nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from portal.indicators.models import Measurement
from tests.indicators.factories import DistrictFactory, IndicatorFactory

pytestmark = pytest.mark.django_db
HEADER = "indicator,unit,year,value,numerator,denominator,source\n"


def upload(client, name, content):
    with translation.override("vi"):
        return client.post(
            "/admin/indicators/upload/",
            {"file": SimpleUploadedFile(name, content)},
            HTTP_ACCEPT_LANGUAGE="vi",
        )


def test_a_clean_file_is_saved_with_who_entered_it(client, clerk):
    IndicatorFactory(code="ky-nang-song")
    DistrictFactory(slug="huyen-dai-tu")
    body = HEADER + "ky-nang-song,huyen-dai-tu,2024,45,45,100,Báo cáo năm 2024\n"
    response = upload(client, "so-lieu.csv", body.encode())
    assert response.status_code == 200
    measurement = Measurement.objects.get()
    assert (measurement.year, measurement.numerator, measurement.entered_by) == (2024, 45, clerk)


def test_one_bad_row_saves_nothing_and_each_error_names_its_row(client, clerk):
    IndicatorFactory(code="ky-nang-song")
    DistrictFactory(slug="huyen-dai-tu")
    body = (
        HEADER
        + "ky-nang-song,huyen-dai-tu,2024,45,45,100,\n"
        + "ky-nang-song,huyen-dai-tu,2023,70,50,100,\n"
        + "khong-co,huyen-dai-tu,2023,10,,,\n"
    )
    html = upload(client, "so-lieu.csv", body.encode()).content.decode()
    assert not Measurement.objects.exists()
    assert "3" in html and "4" in html
    assert "khong-co" in html


def test_excel_files_are_read_and_other_files_refused(client, clerk):
    IndicatorFactory(code="dai-hoc-so", measured_at="province", aggregation="entered")
    DistrictFactory(slug="tinh-thai-nguyen", level="province")
    workbook = Workbook()
    workbook.active.append(["indicator", "unit", "year", "value"])
    workbook.active.append(["dai-hoc-so", "tinh-thai-nguyen", 2024, 65])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload(client, "so-lieu.xlsx", buffer.getvalue())
    assert Measurement.objects.get().value == 65
    assert upload(client, "so-lieu.pdf", b"%PDF").status_code == 200
    assert upload(client, "hong.xlsx", b"not a workbook").status_code == 200
    assert Measurement.objects.count() == 1


def test_visitors_without_the_role_cannot_upload(client):
    user = get_user_model().objects.create_user("khach", password="x")
    client.force_login(user)
    assert upload(client, "so-lieu.csv", HEADER.encode()).status_code in (302, 403)


def test_the_clerk_finds_measurements_and_recognitions_in_the_admin(client, clerk):
    IndicatorFactory()
    for url in ("/admin/snippets/indicators/measurement/", "/admin/snippets/indicators/recognition/"):
        assert client.get(url).status_code == 200
    assert client.get("/admin/snippets/indicators/measurement/add/").status_code == 200


def test_every_kind_of_bad_row_is_named_by_row_and_column_in_vietnamese(client, clerk):
    IndicatorFactory(code="ky-nang-song")
    DistrictFactory(slug="huyen-dai-tu")  # ends on 30/6/2025
    body = (
        HEADER
        + "ky-nang-song,huyen-dai-tu,2024,bốn mươi,,,\n"  # 2: not a number
        + "ky-nang-song,huyen-dai-tu,2023,120,,,\n"  # 3: a percentage above 100
        + "ky-nang-song,huyen-dai-tu,2022,50,150,100,\n"  # 4: numerator above denominator
        + "ky-nang-song,huyen-khong-co,2024,50,,,\n"  # 5: unknown unit
        + "ky-nang-song,huyen-dai-tu,2027,50,,,\n"  # 6: the district is gone by 2027
        + "ky-nang-song,huyen-dai-tu,2019,50,,,\n"  # 7: before the plan
        + "ky-nang-song,huyen-dai-tu,2025,50,,,\n"  # 8
        + "ky-nang-song,huyen-dai-tu,2025,51,,,\n"  # 9: the same unit and year again
    )
    html = upload(client, "so-lieu.csv", body.encode()).content.decode()
    assert not Measurement.objects.exists()
    expected = {
        "Dòng 2, cột “value”": "không phải là số",
        "Dòng 3, cột “value”": "0 đến 100",
        "Dòng 4, cột “numerator”": "lớn hơn mẫu số",
        "Dòng 5, cột “unit”": "huyen-khong-co",
        "Dòng 6, cột “unit”": "2027",
        "Dòng 7, cột “year”": "2022 đến 2030",
        "Dòng 9": "hai lần",
    }
    for where, reason in expected.items():
        assert where in html, where
        line = html[html.index(where) :].split("</li>")[0]
        assert reason in line, (where, line)
    assert "Dòng 8" not in html


def test_uploaded_changes_are_in_the_figures_history(client, clerk):
    IndicatorFactory(code="ky-nang-song")
    DistrictFactory(slug="huyen-dai-tu")
    upload(client, "a.csv", (HEADER + "ky-nang-song,huyen-dai-tu,2024,45,45,100,\n").encode())
    upload(client, "b.csv", (HEADER + "ky-nang-song,huyen-dai-tu,2024,47,47,100,\n").encode())
    measurement = Measurement.objects.get()
    history = client.get(f"/admin/snippets/indicators/measurement/history/{measurement.pk}/").content.decode()
    assert history.count("nhapso") >= 2
    from wagtail.models import ModelLogEntry

    edit = ModelLogEntry.objects.get(action="wagtail.edit", object_id=str(measurement.pk))
    assert edit.data["changes"]["value"] == ["45.00", "47"]
