from django.utils import timezone

from kcc.core.models import Heartbeat

HEARTBEAT_NAAM = "celery"


def heartbeat_record(*, naam: str = HEARTBEAT_NAAM) -> Heartbeat:
    heartbeat, _ = Heartbeat.objects.update_or_create(
        naam=naam, defaults={"laatst": timezone.now()}
    )
    return heartbeat
