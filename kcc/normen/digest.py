"""The daily digest for teamleiders: counts and the worst breaches, one mail each."""

from __future__ import annotations

import logging
from datetime import datetime

from django.core.mail import get_connection, send_mass_mail
from django.utils import timezone

from kcc.accounts import roles
from kcc.normen.calendar import Werkkalender
from kcc.normen.selectors import DIGEST_ERGSTE, regie_overzicht

logger = logging.getLogger(__name__)

DIGEST_ONDERWERP = "Servicenormen vandaag: {zaken} zaken en {cv} contactverzoeken te laat"


def _teamleiders():
    from kcc.accounts.models import User

    return list(
        User.objects.filter(groups__name=roles.TEAMLEIDER, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .distinct()
    )


def digest_tekst(overzicht) -> str:
    regels = [
        f"Stand van de servicenormen op {overzicht.peildatum:%d-%m-%Y}.",
        "",
        f"Zaken over de streefdatum: {overzicht.aantal_zaken_te_laat}",
        f"Contactverzoeken over de deadline: {overzicht.aantal_contactverzoeken_te_laat}",
        f"Zaken met een waarschuwing (termijn bijna om): {overzicht.aantal_waarschuwingen}",
        f"Hoofdzaken met een deelzaak in gevaar: {len(overzicht.hoofdzaken_risico)}",
    ]
    if overzicht.per_afdeling:
        regels += ["", "Te laat per afdeling:"]
        regels += [f"- {groep.naam}: {groep.aantal}" for groep in overzicht.per_afdeling]
    if overzicht.zaken_te_laat:
        regels += ["", "De zaken die het langst te laat zijn:"]
        for zaak in overzicht.zaken_te_laat[:DIGEST_ERGSTE]:
            onderwerp = zaak.product.naam if zaak.product_id else zaak.get_soort_display()
            regels.append(
                f"- {zaak.identificatie} ({onderwerp}, {zaak.afdeling.naam}): "
                f"streefdatum {zaak.streefdatum:%d-%m-%Y}"
            )
    regels += ["", "Details: /console/regie/"]
    return "\n".join(regels)


def teamleider_digest_versturen(*, nu: datetime | None = None) -> int:
    """Send each active teamleider the digest; not on weekends, holidays or closing days.

    A fixed number of queries whatever the number of teamleiders (the overview is the
    same for all of them). Returns the number of mails sent.
    """
    nu = nu or timezone.now()
    if not Werkkalender().is_werkdag(nu):
        return 0
    teamleiders = _teamleiders()
    if not teamleiders:
        return 0
    overzicht = regie_overzicht(medewerker=teamleiders[0], nu=nu)
    onderwerp = DIGEST_ONDERWERP.format(
        zaken=overzicht.aantal_zaken_te_laat, cv=overzicht.aantal_contactverzoeken_te_laat
    )
    tekst = digest_tekst(overzicht)
    berichten = [(onderwerp, tekst, None, [teamleider.email]) for teamleider in teamleiders]
    return send_mass_mail(berichten, fail_silently=False, connection=get_connection())
