from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_delete_organisationsectionpage"),
    ]

    operations = [
        migrations.AlterField(
            model_name="organisation",
            name="kind",
            field=models.CharField(
                choices=[
                    ("university", "University"),
                    ("college", "College"),
                    ("department", "Government department"),
                    ("association", "Association"),
                    ("library", "Library"),
                    ("broadcaster", "Broadcaster"),
                    ("centre", "Community learning centre"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=20,
                verbose_name="kind",
            ),
        ),
    ]
