"""The staff roles, as Django groups, and the permissions each one holds.

Permissions are named ``app_label.codename``. A permission that does not exist (yet) is
skipped by ``roles_sync``, so later apps can add theirs here before their models land.
"""

KCC_MEDEWERKER = "kcc_medewerker"
TEAMLEIDER = "teamleider"
BACKOFFICE_MEDEWERKER = "backoffice_medewerker"
FUNCTIONEEL_BEHEERDER = "functioneel_beheerder"

STAFF_ROLES = (KCC_MEDEWERKER, TEAMLEIDER, BACKOFFICE_MEDEWERKER, FUNCTIONEEL_BEHEERDER)

ROLE_LABELS = {
    KCC_MEDEWERKER: "KCC-medewerker",
    TEAMLEIDER: "Teamleider",
    BACKOFFICE_MEDEWERKER: "Backoffice-medewerker",
    FUNCTIONEEL_BEHEERDER: "Functioneel beheerder",
}

# Roles that see personal data: in production they must log in with a second factor.
# The functioneel beheerder is one of them: beheer shows inbox items, aanvragen, zaken
# and afspraken with the citizen's name and contact details.
ROLES_WITH_PERSONAL_DATA = STAFF_ROLES

_CATALOGUS_BEHEER = [
    f"productcatalogus.{action}_{model}"
    for model in (
        "organisatie",
        "afdeling",
        "product",
        "statustype",
        "levensgebeurtenis",
        "levensgebeurteniscomponent",
        "vac",
        "synoniem",
        "sluitingsdag",
        "sdginformatiegebied",
    )
    for action in ("add", "change", "delete", "view")
] + ["productcatalogus.view_uplterm", "productcatalogus.view_vacversie"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    KCC_MEDEWERKER: [
        "klanten.view_klant",
        "klanten.add_klant",
        "klanten.change_klant",
        "kanalen.view_contactmoment",
        "kanalen.add_contactmoment",
        "kanalen.view_contactverzoek",
        "kanalen.add_contactverzoek",
        "productcatalogus.view_product",
        "productcatalogus.view_vac",
        "zaken.view_zaak",
        "zaken.add_aanvraag",
    ],
    TEAMLEIDER: [
        "klanten.view_klant",
        "kanalen.view_contactmoment",
        "kanalen.view_contactverzoek",
        "productcatalogus.view_product",
        "productcatalogus.view_vac",
        "zaken.view_zaak",
        "audit.view_verwerking",
    ],
    BACKOFFICE_MEDEWERKER: [
        "zaken.view_zaak",
        "zaken.change_zaak",
        "kanalen.view_contactverzoek",
        "kanalen.change_contactverzoek",
        "productcatalogus.view_product",
        "productcatalogus.view_vac",
    ],
    FUNCTIONEEL_BEHEERDER: [
        *_CATALOGUS_BEHEER,
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "auth.view_group",
        "kanalen.change_kanaal",
        "kanalen.view_kanaal",
        *[
            f"normen.{action}_{model}"
            for model in ("sluitingsdag", "openingstijd")
            for action in ("add", "change", "delete", "view")
        ],
        "normen.view_signalering",
        "zaken.view_zaak",
        "zaken.view_aanvraag",
        "zaken.view_outboxbericht",
        "zaken.change_outboxbericht",
        "zaken.view_externekoppeling",
        "zaken.add_externekoppeling",
        "zaken.change_externekoppeling",
        *[
            f"inbox.{action}_{model}"
            for model in ("balielocatie", "tijdslot")
            for action in ("add", "change", "delete", "view")
        ],
        "inbox.view_inkomendbericht",
        "inbox.view_afspraak",
    ],
}
