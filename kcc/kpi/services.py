"""Writes of the KPI app: the daily aggregate tables."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from kanalen.models import Contactmoment
from kcc.kpi import selectors
from kcc.kpi.models import ContactDagcijfer, ContactDuurBucket, KpiDag, ZaakDagcijfer
from zaken.models import Zaak

# The FCR of a day depends on contacts up to 5 working days later; around Christmas that
# is up to 10 calendar days, so the nightly run recomputes this many past days.
HERBEREKEN_DAGEN = 10
# Older days without aggregates the nightly run fills, per night (bounded run time).
INHAAL_DAGEN_PER_NACHT = 31

FOUT_DAG_NIET_VOORBIJ = "Alleen voorbije dagen worden opgeslagen; vandaag wordt live berekend."


# Fields that make up a row of each daily table (what is compared to see a change).
_CONTACT_VELDEN = (
    "kanaal_id", "richting", "product_id", "totaalregel",
    "aantal", "fcr_basis", "fcr_opgelost", "duur_som",
)  # fmt: skip
_DUUR_VELDEN = ("kanaal_id", "product_id", "bucket", "totaalregel", "aantal")
_ZAAK_VELDEN = (
    "organisatie_id", "afdeling_id", "product_id", "kanaal",
    "gesloten", "met_streefdatum", "binnen_streefdatum",
    "met_uiterlijke_einddatum", "binnen_uiterlijke_einddatum",
)  # fmt: skip


def _rijen(objecten, velden: tuple[str, ...]) -> list[tuple]:
    return sorted((tuple(getattr(o, v) for v in velden) for o in objecten), key=repr)


def _bestaand(model, dag: datetime.date, velden: tuple[str, ...]) -> list[tuple]:
    return sorted(model.objects.filter(dag=dag).values_list(*velden), key=repr)


@transaction.atomic
def kpi_dag_aggregeren(*, dag: datetime.date) -> bool:
    """(Re)compute the daily tables of one day; True when something changed.

    Idempotent: the rows come from the same live grouping queries the reports use for
    days not aggregated, and when they equal what is stored nothing is written (a
    re-run of ``demo_data`` or of the nightly job leaves the tables untouched).
    Otherwise the day's rows are replaced in this one transaction.
    """
    if dag >= timezone.localdate():
        raise ValueError(FOUT_DAG_NIET_VOORBIJ)
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
    contact += _totaalregels_contact(dag, contact)
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
    duur += _totaalregels_duur(dag, duur)
    zaak = [
        ZaakDagcijfer(dag=dag, **{k: v for k, v in r.items() if k != "dag"})
        for r in selectors.zaak_dagcijfers_live(van=dag, tot=dag)
    ]
    ongewijzigd = (
        KpiDag.objects.filter(dag=dag).exists()
        and _rijen(contact, _CONTACT_VELDEN) == _bestaand(ContactDagcijfer, dag, _CONTACT_VELDEN)
        and _rijen(duur, _DUUR_VELDEN) == _bestaand(ContactDuurBucket, dag, _DUUR_VELDEN)
        and _rijen(zaak, _ZAAK_VELDEN) == _bestaand(ZaakDagcijfer, dag, _ZAAK_VELDEN)
    )
    if ongewijzigd:
        return False
    ContactDagcijfer.objects.filter(dag=dag).delete()
    ContactDuurBucket.objects.filter(dag=dag).delete()
    ZaakDagcijfer.objects.filter(dag=dag).delete()
    ContactDagcijfer.objects.bulk_create(contact)
    ContactDuurBucket.objects.bulk_create(duur)
    ZaakDagcijfer.objects.bulk_create(zaak)
    KpiDag.objects.update_or_create(dag=dag)
    transaction.on_commit(selectors.publieke_prestaties_vergeten)
    return True


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


def kpi_eerste_dag() -> datetime.date | None:
    """The first day with a contactmoment or a closed zaak: nothing before it to aggregate."""
    tz = timezone.get_current_timezone()
    momenten = [
        Contactmoment.objects.aggregate(m=Min("gestart_op"))["m"],
        Zaak.objects.aggregate(m=Min("afgesloten_op"))["m"],
    ]
    dagen = [m.astimezone(tz).date() for m in momenten if m is not None]
    return min(dagen) if dagen else None


def kpi_ontbrekende_dagen(
    *, van: datetime.date, tot: datetime.date, maximum: int
) -> list[datetime.date]:
    """Up to ``maximum`` days from van to tot without aggregates, the most recent first."""
    if van > tot or maximum <= 0:
        return []
    aanwezig = set(KpiDag.objects.filter(dag__range=(van, tot)).values_list("dag", flat=True))
    ontbrekend = []
    dag = tot
    while dag >= van and len(ontbrekend) < maximum:
        if dag not in aanwezig:
            ontbrekend.append(dag)
        dag -= datetime.timedelta(days=1)
    return ontbrekend


def kpi_nachtelijk_aggregeren(*, vandaag: datetime.date | None = None) -> int:
    """The nightly run; returns the number of days (re)computed.

    The last ``HERBEREKEN_DAGEN`` days up to yesterday again (their FCR window may still
    have changed), then up to ``INHAAL_DAGEN_PER_NACHT`` older days that have no
    aggregates yet (after a first install, an import, nights the job did not run). Until
    then reports compute those days live, so the figures are the same either way.
    """
    vandaag = vandaag or timezone.localdate()
    gisteren = vandaag - datetime.timedelta(days=1)
    begin = vandaag - datetime.timedelta(days=HERBEREKEN_DAGEN)
    n = kpi_periode_aggregeren(van=begin, tot=gisteren)
    eerste = kpi_eerste_dag()
    if eerste is not None:
        for dag in kpi_ontbrekende_dagen(
            van=eerste, tot=begin - datetime.timedelta(days=1), maximum=INHAAL_DAGEN_PER_NACHT
        ):
            kpi_dag_aggregeren(dag=dag)
            n += 1
    return n
