from celery import shared_task

from kcc.core.services import heartbeat_record


@shared_task(name="kcc.core.tasks.heartbeat")
def heartbeat() -> str:
    return heartbeat_record().laatst.isoformat()
