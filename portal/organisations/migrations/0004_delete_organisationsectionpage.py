from django.db import migrations


class Migration(migrations.Migration):
    """The section page moved to the resources app (same table): removed from this app's state only."""

    dependencies = [
        ("organisations", "0003_role_groups"),
        ("resources", "0004_organisationsectionpage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OrganisationSectionPage")],
            database_operations=[],
        ),
    ]
