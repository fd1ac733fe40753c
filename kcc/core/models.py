from django.db import models


class Heartbeat(models.Model):
    """The last time Celery beat and a worker together ran the heartbeat task.

    One row per name; ``/health/`` reports its age, so a stopped beat or worker shows.
    """

    naam = models.CharField(max_length=50, unique=True, help_text="Naam van de hartslag.")
    laatst = models.DateTimeField(help_text="Tijdstip waarop de worker de taak uitvoerde.")

    class Meta:
        verbose_name = "hartslag"
        verbose_name_plural = "hartslagen"

    def __str__(self) -> str:
        return f"{self.naam} @ {self.laatst:%Y-%m-%d %H:%M:%S}"
