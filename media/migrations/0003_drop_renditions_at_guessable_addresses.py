"""Renditions made before they moved to ``renditions/YYYY/MM/<random>/`` sat at addresses built
from the image's name (``images/<name>.<filter>.<ext>``), which anyone could guess for an
unpublished image. They are removed; Wagtail makes each again, at a random address, when a page
next needs it."""

from django.db import migrations


def drop_guessable_renditions(apps, schema_editor):
    rendition_model = apps.get_model("portal_media", "PortalRendition")
    guessable = rendition_model.objects.exclude(file__startswith="renditions/")
    for rendition in guessable.iterator():
        try:
            rendition.file.storage.delete(rendition.file.name)
        except Exception:  # noqa: BLE001 - storage away: the row goes, the orphan file is harmless to remove later
            pass
    guessable.delete()


class Migration(migrations.Migration):
    dependencies = [("portal_media", "0002_preview_without_dimension_fields")]

    operations = [migrations.RunPython(drop_guessable_renditions, migrations.RunPython.noop)]
