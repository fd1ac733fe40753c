"""Logging a citizen or business in: their account and the BSN/KVK it stands for."""

from __future__ import annotations

import hashlib

from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from kcc.accounts.models import User
from kcc.portaal import sessie
from kcc.portaal.models import PortaalIdentiteit
from klanten.validators import normaliseer_bsn, normaliseer_kvk_nummer

INLOGGEN_MISLUKT = (
    "Inloggen is niet gelukt: wij kregen geen geldig BSN of KVK-nummer door. "
    "Probeer het opnieuw of bel 14 000."
)


class IdentiteitOngeldig(Exception):
    """DigiD/eHerkenning gave no usable BSN or KVK-nummer, or it belongs to staff."""

    message = INLOGGEN_MISLUKT

    def __str__(self) -> str:
        return self.message


def nummer_normaliseren(middel: str, nummer: str) -> str:
    """The BSN (elfproef) or KVK-nummer in canonical form; IdentiteitOngeldig otherwise."""
    try:
        if middel == PortaalIdentiteit.Middel.DIGID:
            return normaliseer_bsn(nummer)
        if middel == PortaalIdentiteit.Middel.EHERKENNING:
            return normaliseer_kvk_nummer(nummer)
    except ValidationError:
        pass
    raise IdentiteitOngeldig()


def identiteit_zoeken(*, middel: str, nummer: str) -> PortaalIdentiteit | None:
    """The DigiD identity of this BSN (one account per BSN). eHerkenning: never shared.

    Several employees of one company log in with their own eHerkenning means, so a
    KVK-nummer does not identify one account.
    """
    if middel != PortaalIdentiteit.Middel.DIGID:
        return None
    try:
        bsn = nummer_normaliseren(middel, nummer)
    except IdentiteitOngeldig:
        return None
    return PortaalIdentiteit.objects.select_related("user").filter(bsn=bsn).first()


def identiteit_vastleggen(
    *, user: User, middel: str, nummer: str, niveau: str, bron: str
) -> PortaalIdentiteit:
    """Store (or refresh) what DigiD/eHerkenning said about this account's person."""
    nummer = nummer_normaliseren(middel, nummer)
    if user.soort == User.Soort.MEDEWERKER:
        raise IdentiteitOngeldig()
    digid = middel == PortaalIdentiteit.Middel.DIGID
    identiteit, _ = PortaalIdentiteit.objects.update_or_create(
        user=user,
        defaults={
            "middel": middel,
            "bsn": nummer if digid else "",
            "kvk_nummer": "" if digid else nummer,
            "niveau": niveau[:100],
            "bron": bron,
            "laatst_ingelogd_op": timezone.now(),
        },
    )
    return identiteit


@transaction.atomic
def simulator_inloggen(*, request: HttpRequest, middel: str, nummer: str) -> User:
    """Development only: log in as the person or company with this BSN/KVK-nummer.

    Demo accounts made here have no usable password; there is one per BSN and, in the
    simulator, one per KVK-nummer.
    """
    nummer = nummer_normaliseren(middel, nummer)
    digid = middel == PortaalIdentiteit.Middel.DIGID
    lookup = {"bsn": nummer} if digid else {"kvk_nummer": nummer, "bron": "simulator"}
    identiteit = (
        PortaalIdentiteit.objects.select_related("user")
        .filter(middel=middel, **lookup)
        .order_by("id")
        .first()
    )
    if identiteit is not None:
        user = identiteit.user
    else:
        # The username must not reveal the BSN (it shows up in logs and the admin).
        digest = hashlib.sha256(f"simulator:{middel}:{nummer}".encode()).hexdigest()
        user = User(
            username=f"simulator-{middel}-{digest[:16]}",
            soort=User.Soort.BURGER if digid else User.Soort.ONDERNEMER,
        )
        user.set_unusable_password()
        user.save()
    identiteit_vastleggen(
        user=user,
        middel=middel,
        nummer=nummer,
        niveau="simulator",
        bron=PortaalIdentiteit.Bron.SIMULATOR,
    )
    login(request, user, backend="kcc.accounts.backends.RollenModelBackend")
    sessie.sessie_starten(request)
    return user
