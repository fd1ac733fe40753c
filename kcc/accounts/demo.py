"""Demo staff: one user per role, plus backoffice users on different afdelingen."""

import secrets

from django.contrib.auth.models import Group

from kcc.accounts import roles
from kcc.accounts.models import User
from kcc.core.demo import DemoReport
from productcatalogus.models import Afdeling

DEMO_WACHTWOORD = "Welkom-bij-het-KCC-2026"  # printed in dev only; never in production

MEDEWERKERS = [
    # username, voornaam, achternaam, functie, rol, afdelingen (org code, afdeling code)
    ("kcc", "Kim", "de Vries", "KCC-medewerker", roles.KCC_MEDEWERKER, [("voorbeeldstad", "kcc")]),
    ("teamleider", "Tom", "Jansen", "Teamleider KCC", roles.TEAMLEIDER, [("voorbeeldstad", "kcc")]),
    (
        "backoffice",
        "Bo",
        "Bakker",
        "Medewerker burgerzaken",
        roles.BACKOFFICE_MEDEWERKER,
        [("voorbeeldstad", "burgerzaken")],
    ),
    (
        "vergunningen",
        "Vera",
        "Visser",
        "Medewerker vergunningen",
        roles.BACKOFFICE_MEDEWERKER,
        [("voorbeeldstad", "vergunningen")],
    ),
    (
        "belastingen",
        "Bas",
        "Smit",
        "Medewerker belastingen",
        roles.BACKOFFICE_MEDEWERKER,
        [("voorbeeldstad", "belastingen")],
    ),
    ("beheerder", "Fenna", "Mulder", "Functioneel beheerder", roles.FUNCTIONEEL_BEHEERDER, []),
]


def load(report: DemoReport, *, production: bool) -> list[tuple[str, str]]:
    """Create or update the demo staff. Returns (username, rol) for the printed overview."""
    overview = []
    for username, voornaam, achternaam, functie, rol, afdelingen in MEDEWERKERS:
        user = report.upsert(
            User,
            {"username": username},
            {
                "first_name": voornaam,
                "last_name": achternaam,
                "email": f"{username}@voorbeeldstad.demo.nl",
                "functie": functie,
                "soort": User.Soort.MEDEWERKER,
                "is_staff": rol == roles.FUNCTIONEEL_BEHEERDER,
            },
        )
        password = secrets.token_urlsafe(24) if production else DEMO_WACHTWOORD
        if production or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name=rol))
        wanted = Afdeling.objects.none()
        for org_code, afd_code in afdelingen:
            wanted = wanted | Afdeling.objects.filter(organisatie__code=org_code, code=afd_code)
        user.afdelingen.set(wanted)
        overview.append((username, roles.ROLE_LABELS[rol]))
    return overview
