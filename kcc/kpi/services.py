"""Writes of the KPI app: the daily aggregate tables."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from kcc.kpi import selectors
from kcc.kpi.models import ContactDagcijfer, ContactDuurBucket, KpiDag, ZaakDagcijfer

# The FCR of a day depends on contacts up to 5 working days later; around Christmas that
# is up to 10 calendar days, so the nightly run recomputes this many past days.
HERBEREKEN_DAGEN = 10

FOUT_DAG_NIET_VOORBIJ = "Alleen voorbije dagen worden opgeslagen; vandaag wordt live berekend."


@transaction.atomic
def kpi_dag_aggregeren(*, dag: datetime.date) -> None:
    """(Re)compute the daily tables of one day: delete and insert in one transaction.

    Idempotent: running it twice gives the same rows. The rows come from the same live
    grouping queries the reports use for days not aggregated yet.
    """
    if dag >= timezone.localdate():
        raise ValueError(FOUT_DAG_NIET_VOORBIJ)
    ContactDagcijfer.objects.filter(dag=dag).delete()
    ContactDuurBucket.objects.filter(dag=dag).delete()
    ZaakDagcijfer.objects.filter(dag=dag).delete()
    contact = [
        ContactDagcijfer(
            dag=dag,
            kanaal_id=r["kanaal_id"],
            richting=r["richting"],
            product_id=r["hoofdproduct"],
            aantal=r["aantal"],
            fcr_basis=r["fcr_basis"],
            fcr_opgelost=r["fcr_opgelost"],
            duur_som=r["duur_som"] or 0,
        )
        for r in selectors.contact_dagcijfers_live(van=dag, tot=dag)
    ]
    duur = [
        ContactDuurBucket(
            dag=dag,
            kanaal_id=r["kanaal_id"],
            product_id=r["hoofdproduct"],
            bucket=r["bucket"],
            aantal=r["aantal"],
        )
        for r in selectors.contact_duurbuckets_live(van=dag, tot=dag)
    ]
    ContactDagcijfer.objects.bulk_create(contact + _totaalregels_contact(dag, contact))
    ContactDuurBucket.objects.bulk_create(duur + _totaalregels_duur(dag, duur))
    ZaakDagcijfer.objects.bulk_create(
        ZaakDagcijfer(dag=dag, **{k: v for k, v in r.items() if k != "dag"})
        for r in selectors.zaak_dagcijfers_live(van=dag, tot=dag)
    )
    KpiDag.objects.update_or_create(dag=dag)


def _totaalregels_contact(dag, rijen: list[ContactDagcijfer]) -> list[ContactDagcijfer]:
    """The same day summed over products (a few rows per kanaal): reports without a
    product, afdeling or organisatie filter read only these."""
    sommen: dict[tuple, ContactDagcijfer] = {}
    for r in rijen:
        doel = sommen.setdefault(
            (r.kanaal_id, r.richting),
            ContactDagcijfer(
                dag=dag,
                kanaal_id=r.kanaal_id,
                richting=r.richting,
                totaalregel=True,
                aantal=0,
                fcr_basis=0,
                fcr_opgelost=0,
                duur_som=0,
            ),
        )
        doel.aantal += r.aantal
        doel.fcr_basis += r.fcr_basis
        doel.fcr_opgelost += r.fcr_opgelost
        doel.duur_som += r.duur_som
    return list(sommen.values())


def _totaalregels_duur(dag, rijen: list[ContactDuurBucket]) -> list[ContactDuurBucket]:
    sommen: dict[tuple, ContactDuurBucket] = {}
    for r in rijen:
        doel = sommen.setdefault(
            (r.kanaal_id, r.bucket),
            ContactDuurBucket(
                dag=dag, kanaal_id=r.kanaal_id, bucket=r.bucket, totaalregel=True, aantal=0
            ),
        )
        doel.aantal += r.aantal
    return list(sommen.values())


def kpi_periode_aggregeren(*, van: datetime.date, tot: datetime.date) -> int:
    """Aggregate every day from van to tot (backfill); returns the number of days."""
    dag = van
    n = 0
    while dag <= tot:
        kpi_dag_aggregeren(dag=dag)
        dag += datetime.timedelta(days=1)
        n += 1
    return n


def kpi_nachtelijk_aggregeren(*, vandaag: datetime.date | None = None) -> int:
    """The nightly run: the last ``HERBEREKEN_DAGEN`` days up to yesterday."""
    vandaag = vandaag or timezone.localdate()
    gisteren = vandaag - datetime.timedelta(days=1)
    return kpi_periode_aggregeren(
        van=vandaag - datetime.timedelta(days=HERBEREKEN_DAGEN), tot=gisteren
    )
