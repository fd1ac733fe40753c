"""What ``make bench`` measures: each operation with its target from the issues."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from kcc.bench.load import RequestSpec

BENCH_PASSWORD = "bench-wachtwoord-niet-voor-productie"  # noqa: S105 - bench database only
CSRF_TOKEN = "benchcsrftokenbenchcsrftoken0123"  # noqa: S105 - 32 characters, bench only


@dataclass
class Context:
    """Users, sessions and sampled ids the operations build their requests from."""

    seed: int
    rng: random.Random
    sessions: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    samples: dict[str, list] = field(default_factory=dict)

    @classmethod
    def build(cls, *, seed: int) -> Context:
        context = cls(seed=seed, rng=random.Random(f"{seed}-requests"))
        for role, (username, afdeling_ids) in _bench_users().items():
            context.sessions[role], context.tokens[role] = _login(username, afdeling_ids, role)
        for name, sampler in SAMPLERS.items():
            context.samples[name] = sampler(context.rng)
        return context

    def session_for(self, role: str | None, api: bool = False) -> Callable[[], requests.Session]:
        """Pages log in with a session cookie; the API with a token (no CSRF needed)."""

        def factory() -> requests.Session:
            session = requests.Session()
            if role and api:
                session.headers["Authorization"] = f"Token {self.tokens[role]}"
            elif role:
                session.cookies.set("sessionid", self.sessions[role])
                # Form posts: Django accepts a CSRF cookie and header that match.
                session.cookies.set("csrftoken", CSRF_TOKEN)
                session.headers["X-CSRFToken"] = CSRF_TOKEN
            return session

        return factory


def _bench_users() -> dict[str, tuple[str, list[int]]]:
    from productcatalogus.models import Afdeling

    first_afdeling = list(Afdeling.objects.order_by("pk").values_list("pk", flat=True)[:1])
    return {
        "kcc_medewerker": ("bench-kcc", []),
        "teamleider": ("bench-teamleider", []),
        "backoffice_medewerker": ("bench-backoffice", first_afdeling),
        "functioneel_beheerder": ("bench-beheer", []),
    }


def _login(username: str, afdeling_ids: list[int], role: str) -> tuple[str, str]:
    """Make the user (with role and afdelingen) and a real session and API token for it."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from rest_framework.authtoken.models import Token

    from kcc.accounts.models import User
    from kcc.accounts.services import roles_sync

    roles_sync()
    user, _ = User.objects.get_or_create(username=username, defaults={"soort": "medewerker"})
    user.set_password(BENCH_PASSWORD)
    user.is_staff = role == "functioneel_beheerder"
    user.save()
    user.groups.set(Group.objects.filter(name=role))
    user.afdelingen.set(afdeling_ids)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "kcc.accounts.backends.RollenModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    token, _ = Token.objects.get_or_create(user=user)
    return store.session_key, token.key


@dataclass
class Operation:
    name: str
    build: Callable[[Context], list[RequestSpec]]
    role: str | None = None
    target_p95_ms: float | None = None
    target_rps: float | None = None
    server_time: bool = False  # the target is on server time (Server-Timing), not latency
    ok_statuses: tuple[int, ...] = (200,)
    requests: int | None = None
    concurrency: int | None = None
    api: bool = False

    def verdict(self, summary: dict) -> dict:
        out: dict = {}
        if self.target_p95_ms is not None:
            measured = summary["server_p95_ms"] if self.server_time else summary["p95_ms"]
            kind = "server p95" if self.server_time else "p95"
            out["target"] = f"{kind} ≤ {self.target_p95_ms:g} ms"
            out["verdict"] = "gehaald" if measured <= self.target_p95_ms else "NIET gehaald"
        if self.target_rps is not None:
            out["target"] = f"≥ {self.target_rps:g} req/s"
            out["verdict"] = (
                "gehaald" if summary["throughput_rps"] >= self.target_rps else "NIET gehaald"
            )
        if summary["errors"]:
            out["verdict"] = "FOUTEN"
        return out


def _floor_specs(context: Context) -> list[RequestSpec]:
    ids = context.samples.get("organisaties", [])
    return [RequestSpec("GET", f"/bench/floor/{pk}/") for pk in ids]


FLOOR = Operation(name="floor: kale Django-view (1 pk-read)", build=_floor_specs)


def _sample_organisaties(rng: random.Random) -> list[int]:
    from productcatalogus.models import Organisatie

    return list(Organisatie.objects.values_list("pk", flat=True)[:100])


def _sample_klanten(rng: random.Random) -> list[dict]:
    """200 random klanten with their identifiers, phone and e-mail (one query each)."""
    from django.db.models import Max

    from klanten.models import DigitaalAdres, Klant

    top = Klant.objects.aggregate(m=Max("pk"))["m"] or 0
    if not top:
        return []
    ids = [rng.randint(1, top) for _ in range(200)]
    klanten = list(
        Klant.objects.filter(pk__in=ids).values(
            "pk", "bsn", "postcode", "huisnummer", "geslachtsnaam", "voornamen"
        )
    )
    adressen: dict[int, dict] = {}
    for klant_id, soort, waarde in DigitaalAdres.objects.filter(klant_id__in=ids).values_list(
        "klant_id", "soort", "waarde"
    ):
        adressen.setdefault(klant_id, {})[soort] = waarde
    for klant in klanten:
        klant.update(adressen.get(klant["pk"], {}))
    return klanten


def _console_zoek(kind: str):
    def build(context: Context) -> list[RequestSpec]:
        from urllib.parse import quote

        specs = []
        for k in context.samples.get("klanten", []):
            if kind == "bsn":
                q = k["bsn"]
            elif kind == "postcode":
                q = f"{k['postcode']} {k['huisnummer']}"
            elif kind == "telefoon" and k.get("telefoon"):
                q = "06-" + k["telefoon"][4:]  # +316xxxxxxxx typed as 06-xxxxxxxx
            elif kind == "email" and k.get("email"):
                q = k["email"]
            elif kind == "naam":
                q = f"{k['voornamen']} {k['geslachtsnaam']}"
            else:
                continue
            specs.append(RequestSpec("GET", f"/console/klanten/zoeken/?q={quote(q)}"))
        return specs

    return build


def _klantbeeld(context: Context) -> list[RequestSpec]:
    return [RequestSpec("GET", f"/console/klanten/{k['pk']}/") for k in context.samples["klanten"]]


def _catalogus_zoeken(context: Context) -> list[RequestSpec]:
    from urllib.parse import quote

    termen = [
        "paspoort verlopen",
        "verhuizing doorgeven",
        "parkeervergunnig",
        "hond aanmelden",
        "afvalcontainer",
        "bijstand",
        "rijbewijs",
        "kinderbijslag",
        "bouwvergunning",
        "uittreksel",
        "geboorteaangifte",
        "huurtoeslag",
    ]
    return [RequestSpec("GET", f"/api/v1/zoeken/?q={quote(t)}") for t in termen]


def _contactmoment_posten(context: Context) -> list[RequestSpec]:
    import uuid

    specs = []
    for index in range(2000):
        klant = context.samples["klanten"][index % len(context.samples["klanten"])]
        specs.append(
            RequestSpec(
                "POST",
                "/api/v1/contactmomenten/",
                json={
                    "klant": klant["pk"],
                    "kanaal": "telefoon",
                    "resultaat": "beantwoord",
                    "vragen": [
                        {
                            "vraag": "Wanneer wordt het afval opgehaald?",
                            "antwoord": "Op dinsdag, zie de afvalkalender.",
                        }
                    ],
                },
                headers={"Idempotency-Key": f"bench-{context.seed}-{uuid.uuid4()}"},
            )
        )
    return specs


def _sample_open_zaken(rng: random.Random) -> list[str]:
    """Unclaimed open zaken of the bench backoffice user's afdeling, for the claim run."""
    from kcc.accounts.models import User
    from zaken.models import Zaak

    user = User.objects.filter(username="bench-backoffice").first()
    if user is None:
        return []
    return list(
        Zaak.objects.filter(
            afdeling__in=user.afdelingen.all(), behandelaar=None, afgesloten_op=None
        )
        .exclude(soort=Zaak.Soort.HOOFDZAAK)  # KCC regie: a backoffice claims deelzaken
        .values_list("identificatie", flat=True)[:3000]
    )


def _sample_levensgebeurtenis(rng: random.Random) -> list[int]:
    from kcc.bench.gen_zaken import LEVENSGEBEURTENIS
    from productcatalogus.models import Levensgebeurtenis

    return list(
        Levensgebeurtenis.objects.filter(naam=LEVENSGEBEURTENIS).values_list("pk", flat=True)
    )


def _werkvoorraad(context: Context) -> list[RequestSpec]:
    tabs = ["", "?tab=mijn", "?tab=open", "?tab=te-laat"]
    return [RequestSpec("GET", f"/backoffice/{t}") for t in tabs]


def _claim(context: Context) -> list[RequestSpec]:
    return [
        RequestSpec("POST", f"/api/v1/zaken/{identificatie}/claim/")
        for identificatie in context.samples.get("open_zaken", [])
    ]


def _samengestelde_aanvraag(context: Context) -> list[RequestSpec]:
    lg = context.samples.get("levensgebeurtenis")
    if not lg:
        return []
    return [
        RequestSpec(
            "POST",
            f"/console/klanten/{k['pk']}/aanvraag/intake/?levensgebeurtenis={lg[0]}",
            data={"levensgebeurtenis": str(lg[0]), "kanaal": "telefoon"},
        )
        for k in context.samples["klanten"]
    ]


def _inbox(context: Context) -> list[RequestSpec]:
    pages = ["", "?kanaal=email", "?kanaal=webformulier", "?pagina=3", "?status=nieuw"]
    return [RequestSpec("GET", f"/console/inbox/{q}") for q in pages]


def _rapportages(context: Context) -> list[RequestSpec]:
    """The report page over a year, a quarter and a month, filtered by channel or not."""
    import datetime

    from django.utils import timezone

    from kanalen.models import Kanaal
    from productcatalogus.models import Organisatie

    tot = timezone.localdate()
    kanaal = Kanaal.objects.order_by("pk").values_list("pk", flat=True).first()
    organisatie = Organisatie.objects.order_by("pk").values_list("pk", flat=True).first()
    specs = []
    for dagen in (365, 91, 30):
        van = tot - datetime.timedelta(days=dagen - 1)
        base = f"/console/rapportages/?van={van.isoformat()}&tot={tot.isoformat()}"
        specs += [
            RequestSpec("GET", base),
            RequestSpec("GET", f"{base}&kanaal={kanaal}"),
            RequestSpec("GET", f"{base}&organisatie={organisatie}"),
        ]
    return specs


def _prestaties(context: Context) -> list[RequestSpec]:
    return [RequestSpec("GET", "/prestaties/")]


def _prestaties_api(context: Context) -> list[RequestSpec]:
    return [RequestSpec("GET", "/api/v1/prestaties/")]


SAMPLERS: dict[str, Callable[[random.Random], list]] = {
    "organisaties": _sample_organisaties,
    "klanten": _sample_klanten,
    "open_zaken": _sample_open_zaken,
    "levensgebeurtenis": _sample_levensgebeurtenis,
}

KCC = "kcc_medewerker"
BO = "backoffice_medewerker"
OPERATIONS: list[Operation] = [
    Operation("backoffice: werkvoorraad", _werkvoorraad, BO, target_p95_ms=30),
    Operation("API: zaak claimen", _claim, BO, target_p95_ms=15, api=True, requests=1000),
    Operation(
        "console: samengestelde aanvraag (5 deelzaken)",
        _samengestelde_aanvraag,
        KCC,
        target_p95_ms=80,
        ok_statuses=(302,),
        requests=200,
    ),
    Operation("console: zoeken op BSN", _console_zoek("bsn"), KCC, target_p95_ms=20),
    Operation(
        "console: zoeken op postcode + huisnummer", _console_zoek("postcode"), KCC, target_p95_ms=20
    ),
    Operation(
        "console: zoeken op telefoonnummer", _console_zoek("telefoon"), KCC, target_p95_ms=20
    ),
    Operation("console: zoeken op e-mailadres", _console_zoek("email"), KCC, target_p95_ms=20),
    Operation("console: zoeken op naam", _console_zoek("naam"), KCC, target_p95_ms=50),
    Operation("console: klantbeeld", _klantbeeld, KCC, target_p95_ms=60),
    Operation(
        "kennisbank: zoeken (API)", _catalogus_zoeken, None, target_p95_ms=20, server_time=True
    ),
    Operation("console: KCC-inbox (100.000 open)", _inbox, KCC, target_p95_ms=50),
    Operation(
        "regie: rapportages (jaar, kwartaal, maand)",
        _rapportages,
        "teamleider",
        target_p95_ms=1000,
        requests=300,
    ),
    Operation("publiek: prestatiepagina", _prestaties, None, target_p95_ms=1000, requests=300),
    Operation("publiek: prestaties (API)", _prestaties_api, None, target_p95_ms=1000, requests=300),
    Operation(
        "API: contactmoment registreren",
        _contactmoment_posten,
        KCC,
        target_rps=200,
        ok_statuses=(201,),
        requests=2000,
        concurrency=8,  # a throughput target: enough clients to keep every worker busy
        api=True,
    ),
]


def registry() -> list[Operation]:
    return list(OPERATIONS)


def claims_terugdraaien() -> int:
    """Put the zaken the claim run took back in the queue, so every run claims the same.

    Called before the sample is drawn and after the run; returns how many were released.
    """
    from kcc.accounts.models import User
    from zaken.models import Zaak, ZaakStatus
    from zaken.services.zaken import OPGEPAKT

    user = User.objects.filter(username="bench-backoffice").first()
    if user is None:
        return 0
    ZaakStatus.objects.filter(gezet_door=user, omschrijving=OPGEPAKT).delete()
    return Zaak.objects.filter(behandelaar=user).update(behandelaar=None)


def contactmomenten_opruimen() -> int:
    """Remove the contactmomenten the registration run made, with their kept API answers.

    They are all of today: left in place, every run would add 2,000 to the day that the
    report computes live, and runs would stop being comparable. Called before the sample
    is drawn and after the run; returns how many were removed.
    """
    from kanalen.models import Contactmoment
    from kcc.accounts.models import User
    from klanten.models import IdempotenteAanroep

    user = User.objects.filter(username="bench-kcc").first()
    if user is None:
        return 0
    IdempotenteAanroep.objects.filter(medewerker=user).delete()
    _, per_model = Contactmoment.objects.filter(medewerker=user).delete()
    return per_model.get(Contactmoment._meta.label, 0)


def after_run(context: Context) -> list[str]:
    """Clean-up after the run, returned as notes for the report."""
    vrij = claims_terugdraaien()
    weg = contactmomenten_opruimen()
    return [
        f"API: zaak claimen: {vrij:,} geclaimde zaken na de meting weer vrijgegeven",
        f"API: contactmoment registreren: {weg:,} geregistreerde contactmomenten na de meting "
        "weer verwijderd",
    ]
