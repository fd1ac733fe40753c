"""Handling a zaak: claim, release, transfer, status, questions to the customer, resolve.

Every function locks the zaak row (``select_for_update``; SQLite serialises writers
anyway) before it checks the rules, so two people acting at once cannot both succeed
where only one may. Claiming is one conditional UPDATE: exactly one winner.
"""

from __future__ import annotations

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.core.sql import kolom, tabel
from kcc.normen.calendar import Werkkalender, als_datum
from kcc.normen.models import Signalering
from kcc.normen.termijnen import opschorting_verwerken, verlengen
from productcatalogus.models import Afdeling, Statustype
from zaken import errors
from zaken.errors import ZaakAlGeclaimd, ZaakFout, ZaakGeenToegang
from zaken.models import (
    ExterneKoppeling,
    Informatieverzoek,
    Zaak,
    ZaakDocument,
    ZaakNotitie,
    ZaakStatus,
)
from zaken.selectors import medewerker_afdeling_ids
from zaken.services.berichten import zaak_extern_doorzetten, zaak_klant_informeren

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
OPGEPAKT = "Opgepakt"  # the history line of a claim
INFORMATIEVERZOEK_VERVALLEN = "vervallen: de zaak is afgehandeld"
# Content type by the file's first bytes: the browser's claim is not trusted.
DOCUMENT_SOORTEN = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


def _door(medewerker: User | None, extern: ExterneKoppeling | None) -> str:
    if extern is not None:
        return f"{extern.organisatie.naam} (extern systeem)"
    if medewerker is not None:
        return medewerker.get_full_name() or medewerker.username
    return "systeem"


def _historie(
    zaak: Zaak,
    omschrijving: str,
    *,
    medewerker: User | None = None,
    extern: ExterneKoppeling | None = None,
    publiek: bool = False,
    statustype: Statustype | None = None,
) -> ZaakStatus:
    return ZaakStatus.objects.create(
        zaak=zaak,
        statustype=statustype,
        omschrijving=omschrijving[:500],
        publiek=publiek,
        gezet_door=medewerker,
        door=_door(medewerker, extern)[:200],
    )


def _vergrendel(zaak: Zaak) -> Zaak:
    """Re-read the zaak under a row lock; caller holds a transaction."""
    return (
        Zaak.objects.select_for_update(of=("self",))
        .select_related("product", "organisatie", "afdeling", "klant", "aanvraag")
        .get(pk=zaak.pk)
    )


def _open(zaak: Zaak) -> None:
    if zaak.afgesloten_op is not None:
        raise ZaakFout(errors.FOUT_ZAAK_AFGESLOTEN)


def _behandelaar_of_extern(
    zaak: Zaak, medewerker: User | None, extern: ExterneKoppeling | None
) -> None:
    """The actor may act on this zaak: its behandelaar, or its own external organisation."""
    if extern is not None:
        if zaak.organisatie_id != extern.organisatie_id or zaak.is_hoofdzaak:
            raise ZaakGeenToegang(errors.FOUT_EXTERN_ALLEEN_EIGEN)
        return
    if zaak.is_hoofdzaak:
        raise ZaakFout(errors.FOUT_HOOFDZAAK_ALLEEN_DEELZAKEN)
    if medewerker is None or zaak.behandelaar_id != medewerker.pk:
        raise ZaakGeenToegang(errors.FOUT_NIET_BEHANDELAAR)


def zaak_claim(*, zaak: Zaak, medewerker: User) -> Zaak:
    """Make ``medewerker`` the behandelaar. Exactly one of many parallel claims wins."""
    if zaak.is_hoofdzaak:
        raise ZaakFout(errors.FOUT_HOOFDZAAK_NIET_CLAIMEN)
    if zaak.afdeling_id not in medewerker_afdeling_ids(medewerker):
        raise ZaakGeenToegang(errors.FOUT_NIET_VAN_AFDELING)
    if not _claimen(zaak, medewerker):
        huidig = Zaak.objects.values("behandelaar_id", "afgesloten_op", "afdeling_id").get(
            pk=zaak.pk
        )
        if huidig["afgesloten_op"] is not None:
            raise ZaakFout(errors.FOUT_ZAAK_AFGESLOTEN)
        if huidig["afdeling_id"] != zaak.afdeling_id:
            raise ZaakGeenToegang(errors.FOUT_NIET_VAN_AFDELING)
        if huidig["behandelaar_id"] != medewerker.pk:
            raise ZaakAlGeclaimd()
        # Already ours: claiming twice is harmless.
    zaak.behandelaar = medewerker
    return zaak


def zaak_claimen_op_identificatie(*, identificatie: str, medewerker: User) -> Zaak | None:
    """The common claim in one statement: the zaak ``identificatie`` of one of the
    medewerker's afdelingen, a deelzaak or single zaak, open and unclaimed, becomes theirs
    (with its history row), and its row comes back as the claimed Zaak.

    None when that is not how it went (another id form, not found or out of scope, a
    hoofdzaak, already claimed, closed, or not PostgreSQL): ``zaak_claim`` then finds out
    why, with the zaak read first as before.
    """
    afdelingen = medewerker_afdeling_ids(medewerker)
    if connection.vendor != "postgresql" or not afdelingen:
        return None
    rij = _claim_statement(
        medewerker,
        op_identificatie=True,
        identificatie=str(identificatie).upper(),
        afdelingen=list(afdelingen),
        hoofdzaak=Zaak.Soort.HOOFDZAAK,
    )
    if rij is None:
        return None
    zaak = Zaak.from_db(connection.alias, [f.attname for f in Zaak._meta.concrete_fields], rij)
    zaak.behandelaar = medewerker
    return zaak


def _claimen(zaak: Zaak, medewerker: User) -> bool:
    """The conditional UPDATE (still unclaimed, open, of this afdeling) and its history
    row; False when another claim or change came first.

    On PostgreSQL one statement does both (``_claim_sql``), so a claim is one round trip
    with no transaction around it: the statement is atomic by itself.
    """
    if connection.vendor != "postgresql":
        with transaction.atomic():
            gewonnen = Zaak.objects.filter(
                pk=zaak.pk, behandelaar=None, afgesloten_op=None, afdeling_id=zaak.afdeling_id
            ).update(behandelaar=medewerker, gewijzigd_op=timezone.now())
            if gewonnen:
                _historie(zaak, OPGEPAKT, medewerker=medewerker)
        return bool(gewonnen)
    rij = _claim_statement(
        medewerker, op_identificatie=False, zaak=zaak.pk, afdeling=zaak.afdeling_id
    )
    return rij is not None


def _claim_statement(medewerker: User, *, op_identificatie: bool, **welke) -> tuple | None:
    """Run ``_claim_sql`` for ``medewerker`` (``welke``: the parameters that pick the
    zaak); the claimed zaak's row, or None when nothing was claimed."""
    with connection.cursor() as cursor:
        cursor.execute(
            _claim_sql(op_identificatie),
            {
                "medewerker": medewerker.pk,
                "nu": timezone.now(),
                "omschrijving": OPGEPAKT,
                "door": _door(medewerker, None)[:200],
                **welke,
            },
        )
        return cursor.fetchone()


@cache
def _claim_sql(op_identificatie: bool) -> str:
    """One statement: the UPDATE of a zaak that is still unclaimed and open (in a WITH),
    the INSERT of its history row selecting from what it updated, and the updated row.

    The zaak by id and afdeling (``_claimen``), or by identificatie within a set of
    afdelingen and not a hoofdzaak (``zaak_claimen_op_identificatie``).
    """
    z, s = Zaak, ZaakStatus
    kolommen = ", ".join(f.column for f in Zaak._meta.concrete_fields)
    if op_identificatie:
        welke = (
            f"{kolom(z, 'identificatie')} = %(identificatie)s "
            f"AND {kolom(z, 'afdeling')} = ANY(%(afdelingen)s) "
            f"AND {kolom(z, 'soort')} <> %(hoofdzaak)s"
        )
    else:
        welke = f"{kolom(z, 'id')} = %(zaak)s AND {kolom(z, 'afdeling')} = %(afdeling)s"
    return (
        f"WITH geclaimd AS (UPDATE {tabel(z)} "  # noqa: S608 - names from the models
        f"SET {kolom(z, 'behandelaar')} = %(medewerker)s, {kolom(z, 'gewijzigd_op')} = %(nu)s "
        f"WHERE {welke} AND {kolom(z, 'behandelaar')} IS NULL "
        f"AND {kolom(z, 'afgesloten_op')} IS NULL RETURNING {kolommen}), "
        f"historie AS (INSERT INTO {tabel(s)} ({kolom(s, 'zaak')}, {kolom(s, 'statustype')}, "
        f"{kolom(s, 'omschrijving')}, {kolom(s, 'publiek')}, {kolom(s, 'gezet_door')}, "
        f"{kolom(s, 'door')}, {kolom(s, 'gezet_op')}) "
        f"SELECT {kolom(z, 'id')}, NULL, %(omschrijving)s, false, %(medewerker)s, %(door)s, "
        f"%(nu)s FROM geclaimd) "
        f"SELECT {kolommen} FROM geclaimd"
    )


def zaak_vrijgeven(*, zaak: Zaak, medewerker: User) -> Zaak:
    """Put a claimed zaak back in the afdeling's unclaimed queue (only its behandelaar)."""
    with transaction.atomic():
        vrij = Zaak.objects.filter(pk=zaak.pk, behandelaar=medewerker, afgesloten_op=None).update(
            behandelaar=None, gewijzigd_op=timezone.now()
        )
        if not vrij:
            if Zaak.objects.filter(pk=zaak.pk, afgesloten_op__isnull=False).exists():
                raise ZaakFout(errors.FOUT_ZAAK_AFGESLOTEN)
            raise ZaakGeenToegang(errors.FOUT_NIET_BEHANDELAAR)
        _historie(zaak, "Teruggezet in de werkvoorraad", medewerker=medewerker)
    zaak.behandelaar = None
    return zaak


@transaction.atomic
def zaak_overdragen(*, zaak: Zaak, naar_afdeling: Afdeling, reden: str, medewerker: User) -> Zaak:
    """Move a zaak to another afdeling (possibly of another organisation), unclaimed there."""
    zaak = _vergrendel(zaak)
    _open(zaak)
    if zaak.is_hoofdzaak:
        raise ZaakFout(errors.FOUT_HOOFDZAAK_ALLEEN_DEELZAKEN)
    # A teamleider keeps regie over every queue; others only over their own afdeling's,
    # and a zaak a colleague has claimed is that colleague's to hand on.
    if not medewerker.has_role(roles.TEAMLEIDER):
        if not medewerker.afdelingen.filter(pk=zaak.afdeling_id).exists():
            raise ZaakGeenToegang(errors.FOUT_NIET_VAN_AFDELING)
        if zaak.behandelaar_id not in (None, medewerker.pk):
            raise ZaakGeenToegang(errors.FOUT_OVERDRAGEN_GECLAIMD)
    reden = (reden or "").strip()
    if not reden:
        raise ZaakFout(errors.FOUT_REDEN_VERPLICHT)
    if naar_afdeling.pk == zaak.afdeling_id:
        raise ZaakFout(errors.FOUT_ZELFDE_AFDELING)
    if not naar_afdeling.actief:
        raise ZaakFout(errors.FOUT_AFDELING_INACTIEF)
    van = zaak.afdeling
    zaak.afdeling = naar_afdeling
    zaak.organisatie = naar_afdeling.organisatie
    zaak.behandelaar = None
    zaak.save(update_fields=["afdeling", "organisatie", "behandelaar", "gewijzigd_op"])
    # The norm monitor's open signals go along: the new afdeling's queue and regie see them.
    _signaleringen(zaak).update(afdeling=naar_afdeling, organisatie=naar_afdeling.organisatie)
    regel = _historie(
        zaak,
        f"Overgedragen van {van.naam} naar {naar_afdeling.naam}: {reden}",
        medewerker=medewerker,
    )
    zaak_extern_doorzetten(zaak=zaak, sleutel=f"overdracht-{regel.pk}")
    return zaak


@transaction.atomic
def zaak_status_zetten(
    *,
    zaak: Zaak,
    statustype: Statustype,
    medewerker: User | None = None,
    extern: ExterneKoppeling | None = None,
    toelichting: str = "",
) -> Zaak:
    """Set a status of the zaak's product; the customer hears of it when it says 'informeren'.

    An end status (``is_eindstatus``) also resolves the zaak, with the explanation as result.
    """
    zaak = _vergrendel(zaak)
    _open(zaak)
    _behandelaar_of_extern(zaak, medewerker, extern)
    if statustype.product_id != zaak.product_id:
        raise ZaakFout(errors.FOUT_STATUSTYPE_ANDER_PRODUCT)
    if statustype.is_eindstatus:
        resultaat = (toelichting or "").strip() or statustype.publieke_tekst or statustype.naam
        return _afsluiten(zaak, resultaat, medewerker=medewerker, extern=extern, eind=statustype)
    toelichting = (toelichting or "").strip()
    zaak.status = statustype
    zaak.save(update_fields=["status", "gewijzigd_op"])
    regel = _historie(
        zaak,
        statustype.naam + (f": {toelichting}" if toelichting else ""),
        medewerker=medewerker,
        extern=extern,
        publiek=True,
        statustype=statustype,
    )
    if statustype.informeren:
        zaak_klant_informeren(
            zaak=zaak,
            onderwerp=f"Nieuws over uw aanvraag: {zaak.product.naam}",
            tekst=statustype.publieke_tekst or statustype.naam,
            sleutel=f"status-{regel.pk}",
        )
    return zaak


@transaction.atomic
def zaak_informatie_vragen(*, zaak: Zaak, vraag: str, medewerker: User) -> Informatieverzoek:
    """Ask the customer for information; the zaak's clock stops until they answer."""
    zaak = _vergrendel(zaak)
    _open(zaak)
    _behandelaar_of_extern(zaak, medewerker, None)
    vraag = (vraag or "").strip()
    if not vraag:
        raise ZaakFout(errors.FOUT_VRAAG_VERPLICHT)
    if not zaak.product.opschorting_toegestaan:
        raise ZaakFout(errors.FOUT_OPSCHORTING_NIET_TOEGESTAAN)
    if zaak.opgeschort_sinds is not None:
        raise ZaakFout(errors.FOUT_AL_OPGESCHORT)
    verzoek = Informatieverzoek.objects.create(zaak=zaak, vraag=vraag, gevraagd_door=medewerker)
    zaak.opgeschort_sinds = verzoek.gevraagd_op
    zaak.opschorting_reden = vraag[:300]
    zaak.save(update_fields=["opgeschort_sinds", "opschorting_reden", "gewijzigd_op"])
    _historie(
        zaak,
        "We hebben informatie van u nodig. De termijn staat stil tot we die hebben.",
        medewerker=medewerker,
        publiek=True,
    )
    zaak_klant_informeren(
        zaak=zaak,
        onderwerp=f"We hebben informatie nodig voor uw aanvraag: {zaak.product.naam}",
        tekst=f"Om uw aanvraag te behandelen hebben wij dit van u nodig:\n\n{vraag}",
        sleutel=f"informatieverzoek-{verzoek.pk}",
    )
    return verzoek


@transaction.atomic
def informatieverzoek_beantwoorden(
    *, informatieverzoek: Informatieverzoek, antwoord: str, medewerker: User | None = None
) -> Informatieverzoek:
    """Record the customer's answer (portal: no medewerker) and let the clock run again.

    The deadlines move on by the working days the zaak stood still (kcc.normen).
    """
    zaak = _vergrendel(informatieverzoek.zaak)
    if medewerker is not None:
        # A medewerker records the answer for the customer: only the behandelaar does.
        _behandelaar_of_extern(zaak, medewerker, None)
    verzoek = Informatieverzoek.objects.select_for_update().get(pk=informatieverzoek.pk)
    if verzoek.beantwoord_op is not None:
        raise ZaakFout(errors.FOUT_AL_BEANTWOORD)
    antwoord = (antwoord or "").strip()
    if not antwoord:
        raise ZaakFout(errors.FOUT_ANTWOORD_VERPLICHT)
    nu = timezone.now()
    verzoek.antwoord = antwoord
    verzoek.beantwoord_op = nu
    verzoek.beantwoord_via = (
        f"vastgelegd door {_door(medewerker, None)}" if medewerker else "de klant (portaal)"
    )
    verzoek.save(update_fields=["antwoord", "beantwoord_op", "beantwoord_via"])
    if zaak.opgeschort_sinds is not None:
        kalender = Werkkalender(organisatie=zaak.organisatie_id)
        van = zaak.opgeschort_sinds
        if zaak.streefdatum:
            zaak.streefdatum = opschorting_verwerken(
                einddatum=zaak.streefdatum, opgeschort_van=van, hervat_op=nu, kalender=kalender
            )
        if zaak.uiterlijke_einddatum:
            zaak.uiterlijke_einddatum = opschorting_verwerken(
                einddatum=zaak.uiterlijke_einddatum,
                opgeschort_van=van,
                hervat_op=nu,
                kalender=kalender,
            )
        zaak.opgeschort_sinds = None
        zaak.opschorting_reden = ""
        zaak.save(
            update_fields=[
                "streefdatum",
                "uiterlijke_einddatum",
                "opgeschort_sinds",
                "opschorting_reden",
                "gewijzigd_op",
            ]
        )
        _hoofdzaak_termijnen_bijwerken(zaak)
    _historie(
        zaak,
        "Wij hebben uw informatie ontvangen. De termijn loopt weer.",
        medewerker=medewerker,
        publiek=True,
    )
    return verzoek


@transaction.atomic
def zaak_verlengen(*, zaak: Zaak, werkdagen: int, reden: str, medewerker: User) -> Zaak:
    """Extend the legal term once, with a reason; the customer is told."""
    zaak = _vergrendel(zaak)
    _open(zaak)
    _behandelaar_of_extern(zaak, medewerker, None)
    reden = (reden or "").strip()
    if not reden:
        raise ZaakFout(errors.FOUT_REDEN_VERPLICHT)
    if not zaak.product.verlenging_toegestaan:
        raise ZaakFout(errors.FOUT_VERLENGING_NIET_TOEGESTAAN)
    if zaak.verlengd:
        raise ZaakFout(errors.FOUT_AL_VERLENGD)
    if zaak.uiterlijke_einddatum is None:
        raise ZaakFout(errors.FOUT_GEEN_WETTELIJKE_TERMIJN)
    try:
        nieuw = verlengen(
            einddatum=zaak.uiterlijke_einddatum,
            werkdagen=werkdagen,
            organisatie=zaak.organisatie_id,
        )
    except ValueError as exc:
        raise ZaakFout(str(exc)) from exc
    zaak.uiterlijke_einddatum = nieuw
    zaak.verlengd = True
    zaak.verlenging_reden = reden[:300]
    zaak.save(
        update_fields=["uiterlijke_einddatum", "verlengd", "verlenging_reden", "gewijzigd_op"]
    )
    _hoofdzaak_termijnen_bijwerken(zaak)
    regel = _historie(
        zaak,
        f"De termijn is verlengd tot {nieuw:%d-%m-%Y}. Reden: {reden}",
        medewerker=medewerker,
        publiek=True,
    )
    zaak_klant_informeren(
        zaak=zaak,
        onderwerp=f"Uw aanvraag duurt langer: {zaak.product.naam}",
        tekst=f"Wij hebben meer tijd nodig. U hoort uiterlijk {nieuw:%d-%m-%Y} van ons. "
        f"De reden: {reden}",
        sleutel=f"verlenging-{regel.pk}",
    )
    return zaak


@transaction.atomic
def zaak_afsluiten(
    *,
    zaak: Zaak,
    resultaat: str,
    medewerker: User | None = None,
    extern: ExterneKoppeling | None = None,
) -> Zaak:
    """Resolve a zaak with a result. The last deelzaak to close also closes its hoofdzaak."""
    zaak = _vergrendel(zaak)
    _open(zaak)
    resultaat = (resultaat or "").strip()
    if not resultaat:
        raise ZaakFout(errors.FOUT_RESULTAAT_VERPLICHT)
    if zaak.is_hoofdzaak:
        if extern is not None or medewerker is None:
            raise ZaakGeenToegang(errors.FOUT_EXTERN_ALLEEN_EIGEN)
        if not medewerker.has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER):
            raise ZaakGeenToegang(errors.FOUT_HOOFDZAAK_ALLEEN_KCC)
        open_aantal = zaak.deelzaken.filter(afgesloten_op=None).count()
        if open_aantal:
            raise ZaakFout(errors.FOUT_DEELZAKEN_OPEN.format(aantal=open_aantal))
    else:
        _behandelaar_of_extern(zaak, medewerker, extern)
    eind = None
    if zaak.product_id:
        eind = (
            Statustype.objects.filter(product_id=zaak.product_id, is_eindstatus=True)
            .order_by("volgnummer")
            .first()
        )
    return _afsluiten(zaak, resultaat, medewerker=medewerker, extern=extern, eind=eind)


def _signaleringen(zaak: Zaak):
    """The norm monitor's signals of ``zaak``, of every soort."""
    return Signalering.objects.filter(
        content_type=ContentType.objects.get_for_model(Zaak), object_id=zaak.pk
    )


def _afsluiten(
    zaak: Zaak,
    resultaat: str,
    *,
    medewerker: User | None,
    extern: ExterneKoppeling | None,
    eind: Statustype | None,
) -> Zaak:
    """Close a locked, open zaak. Caller checked the rules and holds the transaction."""
    nu = timezone.now()
    zaak.afgesloten_op = nu
    zaak.einddatum = als_datum(nu)
    zaak.resultaat = resultaat
    zaak.opgeschort_sinds = None
    # An open question to the customer lapses with the zaak: the portal no longer asks it.
    Informatieverzoek.objects.filter(zaak=zaak, beantwoord_op__isnull=True).update(
        beantwoord_op=nu, beantwoord_via=INFORMATIEVERZOEK_VERVALLEN
    )
    # Its norm signals stay as history but leave the werkvoorraad's signal count.
    _signaleringen(zaak).update(object_open=False)
    if eind is not None:
        zaak.status = eind
    zaak.save(
        update_fields=[
            "afgesloten_op",
            "einddatum",
            "resultaat",
            "opgeschort_sinds",
            "status",
            "gewijzigd_op",
        ]
    )
    publieke_tekst = (eind.publieke_tekst if eind else "") or "Uw aanvraag is afgehandeld."
    regel = _historie(
        zaak,
        f"Afgehandeld: {resultaat}",
        medewerker=medewerker,
        extern=extern,
        publiek=True,
        statustype=eind,
    )
    # A deelzaak informs only when its end status says so; the hoofdzaak tells the whole.
    if zaak.soort != Zaak.Soort.DEELZAAK or (eind is not None and eind.informeren):
        zaak_klant_informeren(
            zaak=zaak,
            onderwerp=f"Uw aanvraag is afgehandeld: {zaak.omschrijving}",
            tekst=f"{publieke_tekst}\n\nResultaat: {resultaat}",
            sleutel=f"afgesloten-{regel.pk}",
        )
    if zaak.hoofdzaak_id:
        _hoofdzaak_afsluiten_als_klaar(zaak.hoofdzaak_id)
    return zaak


def _hoofdzaak_afsluiten_als_klaar(hoofdzaak_id: int) -> None:
    hoofdzaak = _vergrendel(Zaak(pk=hoofdzaak_id))
    if hoofdzaak.afgesloten_op is not None:
        return
    deelzaken = list(
        hoofdzaak.deelzaken.select_related("product")
        .order_by("id")
        .only("afgesloten_op", "resultaat", "product__naam")
    )
    if any(d.afgesloten_op is None for d in deelzaken):
        return
    regels = "\n".join(f"- {d.product.naam}: {d.resultaat}" for d in deelzaken)
    resultaat = f"Alle {len(deelzaken)} onderdelen zijn afgerond.\n{regels}"
    _afsluiten(hoofdzaak, resultaat, medewerker=None, extern=None, eind=None)


def _hoofdzaak_termijnen_bijwerken(zaak: Zaak) -> None:
    """A hoofdzaak's deadlines are the latest of its deelzaken."""
    if not zaak.hoofdzaak_id:
        return
    data = Zaak.objects.filter(hoofdzaak_id=zaak.hoofdzaak_id).aggregate(
        streef=Max("streefdatum"), uiterlijk=Max("uiterlijke_einddatum")
    )
    Zaak.objects.filter(pk=zaak.hoofdzaak_id).update(
        streefdatum=data["streef"], uiterlijke_einddatum=data["uiterlijk"]
    )


@transaction.atomic
def hoofdzaak_aanspreekpunt_wijzigen(
    *, hoofdzaak: Zaak, aanspreekpunt: User, medewerker: User
) -> Zaak:
    """A teamleider names the KCC-medewerker who is the citizen's one contact."""
    if not medewerker.has_role(roles.TEAMLEIDER):
        raise ZaakGeenToegang(errors.FOUT_AANSPREEKPUNT_ALLEEN_TEAMLEIDER)
    hoofdzaak = _vergrendel(hoofdzaak)
    _open(hoofdzaak)
    if not hoofdzaak.is_hoofdzaak:
        raise ZaakFout(errors.FOUT_AANSPREEKPUNT_ALLEEN_HOOFDZAAK)
    if not (aanspreekpunt.is_active and aanspreekpunt.has_role(roles.KCC_MEDEWERKER)):
        raise ZaakFout(errors.FOUT_AANSPREEKPUNT_GEEN_KCC)
    if hoofdzaak.aanspreekpunt_id == aanspreekpunt.pk:
        return hoofdzaak
    hoofdzaak.aanspreekpunt = aanspreekpunt
    hoofdzaak.save(update_fields=["aanspreekpunt", "gewijzigd_op"])
    _historie(
        hoofdzaak,
        f"Aanspreekpunt: {_door(aanspreekpunt, None)}",
        medewerker=medewerker,
    )
    return hoofdzaak


def zaak_notitie_toevoegen(*, zaak: Zaak, tekst: str, medewerker: User) -> ZaakNotitie:
    """An internal note (the caller fetched the zaak through a scoped selector)."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ZaakFout(errors.FOUT_NOTITIE_LEEG)
    return ZaakNotitie.objects.create(zaak=zaak, tekst=tekst, auteur=medewerker)


def document_soort(bestand: UploadedFile) -> tuple[str, str]:
    """(content type, extension) of an upload by its first bytes; ZaakFout for anything else."""
    if bestand.size == 0:
        raise ZaakFout(errors.FOUT_DOCUMENT_LEEG)
    if bestand.size > MAX_DOCUMENT_BYTES:
        raise ZaakFout(errors.FOUT_DOCUMENT_TE_GROOT)
    bestand.seek(0)
    begin = bestand.read(16)
    bestand.seek(0)
    for magic, content_type, extensie in DOCUMENT_SOORTEN:
        if begin.startswith(magic):
            return content_type, extensie
    raise ZaakFout(errors.FOUT_DOCUMENT_TYPE)


def zaak_document_toevoegen(*, zaak: Zaak, bestand: UploadedFile, medewerker: User) -> ZaakDocument:
    _open(zaak)
    content_type, extensie = document_soort(bestand)
    naam = (bestand.name or "document").replace("\\", "/").rsplit("/", 1)[-1][:200]
    bestand.name = "document" + extensie  # stored name follows the checked type
    return ZaakDocument.objects.create(
        zaak=zaak,
        bestand=bestand,
        naam=naam,
        content_type=content_type,
        grootte=bestand.size,
        toegevoegd_door=medewerker,
    )
