from django.conf import settings
from django.db import migrations, models


def gesloten_zaken_markeren(apps, schema_editor):
    """The signals of zaken already closed are history from the start."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Signalering = apps.get_model("normen", "Signalering")
    Zaak = apps.get_model("zaken", "Zaak")
    ct = ContentType.objects.filter(app_label="zaken", model="zaak").first()
    if ct is None:
        return
    Signalering.objects.filter(
        content_type=ct,
        object_id__in=Zaak.objects.filter(afgesloten_op__isnull=False).values("pk"),
    ).update(object_open=False)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("normen", "0004_signalering_indexen"),
        ("productcatalogus", "0005_zoekwoorden"),
        ("zaken", "0004_werkvoorraad_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="signalering",
            name="signalering_afdeling",
        ),
        migrations.AddField(
            model_name="signalering",
            name="object_open",
            field=models.BooleanField(
                default=True,
                db_default=True,
                help_text="Bij een zaak: onwaar zodra die is afgehandeld. De signalering blijft "
                "als geschiedenis, maar telt niet meer in de werkvoorraad.",
            ),
        ),
        migrations.RunPython(gesloten_zaken_markeren, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="signalering",
            index=models.Index(
                condition=models.Q(("object_open", True)),
                fields=["afdeling", "content_type", "object_id"],
                name="signalering_afdeling_open",
            ),
        ),
    ]
