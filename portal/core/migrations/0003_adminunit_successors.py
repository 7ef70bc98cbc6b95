"""A unit may have several successors (a district split between new communes): FK → many-to-many."""

from django.db import migrations, models


def copy_successor(apps, schema_editor):
    AdminUnit = apps.get_model("core", "AdminUnit")
    for unit in AdminUnit.objects.exclude(successor=None):
        unit.successors.add(unit.successor_id)


def copy_back(apps, schema_editor):
    AdminUnit = apps.get_model("core", "AdminUnit")
    for unit in AdminUnit.objects.all():
        unit.successor = unit.successors.order_by("pk").first()
        unit.save(update_fields=["successor"])


class Migration(migrations.Migration):
    dependencies = [("core", "0002_initial")]

    operations = [
        migrations.AlterField(
            model_name="adminunit",
            name="successor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to="core.adminunit",
                verbose_name="successor",
            ),
        ),
        migrations.AddField(
            model_name="adminunit",
            name="successors",
            field=models.ManyToManyField(
                blank=True,
                related_name="predecessors",
                to="core.adminunit",
                verbose_name="successors",
            ),
        ),
        migrations.RunPython(copy_successor, copy_back),
        migrations.RemoveField(model_name="adminunit", name="successor"),
    ]
