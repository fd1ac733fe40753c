"""Django settings for KCC.

Everything that differs between machines comes from the environment (see README,
"Configuratie"). The defaults are the embedded set-up of ``make run``: SQLite, Celery on
kombu's filesystem transport, outbound mail written to a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from kcc.env import env_bool, env_choice, env_int, env_int_range, env_list, env_parsed, env_str
from kcc.mailurl import parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("KCC_VAR_DIR", str(BASE_DIR / "var")))

KCC_ENV = env_choice("KCC_ENV", "dev", ("dev", "production"))
PRODUCTION = KCC_ENV == "production"

DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY)
DEBUG = env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The DigiD/eHerkenning simulator lets anyone log in as any demo BSN: development only.
KCC_DIGID_SIMULATOR = env_bool("KCC_DIGID_SIMULATOR", not PRODUCTION)
# Staff roles that see personal data must use a second factor (TOTP).
KCC_MFA_REQUIRED = env_bool("KCC_MFA_REQUIRED", PRODUCTION)
# Seconds after which the heartbeat counts as stale in /health/.
KCC_HEARTBEAT_MAX_AGE = env_int("KCC_HEARTBEAT_MAX_AGE", 120)
KCC_HEARTBEAT_INTERVAL = env_int("KCC_HEARTBEAT_INTERVAL", 30)
# Name of the own organisation, shown in headers and mails.
KCC_ORGANISATIE_NAAM = env_str("KCC_ORGANISATIE_NAAM", "Gemeente Voorbeeldstad")
# Bevrijdingsdag (5 May) as a day off every year for deadlines and opening hours (docs/normen.md).
KCC_BEVRIJDINGSDAG_VRIJ = env_bool("KCC_BEVRIJDINGSDAG_VRIJ", False)


def _fractie(raw: str) -> float:
    waarde = float(raw)
    if not 0 < waarde < 1:
        raise ValueError(raw)
    return waarde


# Norm monitor: warn when this share of a term (working days) has passed (docs/normen.md).
KCC_NORM_WAARSCHUWING_FRACTIE = env_parsed(
    "KCC_NORM_WAARSCHUWING_FRACTIE", "0.75", _fractie, "een getal tussen 0 en 1, bijv. 0.75"
)


# Norm monitor: also warn this many working days before a zaak's streefdatum (whichever
# comes first); 0: only the fraction above (docs/normen.md).
KCC_NORM_WAARSCHUWING_WERKDAGEN = env_int_range("KCC_NORM_WAARSCHUWING_WERKDAGEN", 0, 0, 250)


# Portal: an aanvraag saved as a concept and not changed for this many days is removed,
# with its uploads (nightly, beat). The citizen is told on the Aanvragen page.
KCC_CONCEPT_BEWAARDAGEN = env_int_range("KCC_CONCEPT_BEWAARDAGEN", 90, 1, 3650)
# Benchmark mode: query-count and timing headers, and the floor view. Never in production.
KCC_BENCH = env_bool("KCC_BENCH", False)

# Celery broker. Embedded default: kombu's filesystem transport, no server needed; it only
# works for processes on one machine, so production needs Redis.
_BROKER_SCHEMES = ("redis", "rediss", "filesystem", "memory")


def _broker_url(url: str) -> str:
    scheme, sep, _rest = url.partition("://")
    if not sep or scheme not in _BROKER_SCHEMES:
        raise ValueError(url)
    return url


CELERY_BROKER_URL = env_parsed(
    "CELERY_BROKER_URL",
    "filesystem://",
    _broker_url,
    "redis://host:6379/0, rediss://host:6379/0 of filesystem://",
)

if PRODUCTION:
    problems = []
    if DEBUG:
        problems.append("DEBUG staat aan")
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        problems.append("SECRET_KEY is de ontwikkelsleutel of korter dan 50 tekens")
    if KCC_DIGID_SIMULATOR:
        problems.append("KCC_DIGID_SIMULATOR staat aan")
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS is leeg")
    if KCC_BENCH:
        problems.append("KCC_BENCH staat aan")
    if not KCC_MFA_REQUIRED:
        problems.append("KCC_MFA_REQUIRED staat uit (medewerkers zien persoonsgegevens)")
    if not CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        problems.append("CELERY_BROKER_URL is geen redis://- of rediss://-URL")
    if problems:
        raise ImproperlyConfigured(
            "KCC_ENV=production weigert te starten: " + "; ".join(problems) + "."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "django_htmx",
    "csp",
    "kcc.core",
    "kcc.accounts",
    "kcc.portaal",
    "kcc.audit",
    "kcc.normen",
    "kcc.kpi",
    "productcatalogus",
    "klanten",
    "kanalen",
    "kanalen.inbox",
    "zaken",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kcc.accounts.middleware.MfaRequiredMiddleware",
    "kcc.portaal.middleware.PortaalSessieMiddleware",
]

if KCC_BENCH:
    MIDDLEWARE.insert(0, "kcc.core.middleware.BenchMetricsMiddleware")

ROOT_URLCONF = "kcc.urls"
WSGI_APPLICATION = "kcc.wsgi.application"
ASGI_APPLICATION = "kcc.asgi.application"

TEMPLATES = [
    {  # Pages: Django templates. First, so a template name without using= is looked up here.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kcc.core.context_processors.kcc",
            ],
        },
    },
    {  # The rows of long lists (kcc/core/jinja2.py): only rendered with using="jinja2".
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "kcc.core.jinja2.omgeving"},
    },
]


def _database(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Django reads every ModelChoiceField's options with .iterator(), on PostgreSQL a
        # server-side cursor (DECLARE ... WITH HOLD) that costs more than the query for a
        # list of a few hundred rows; also what a transaction-mode pgbouncer requires.
        config["DISABLE_SERVER_SIDE_CURSORS"] = True
        # No JIT: the report queries over a year are estimated expensive enough to be
        # compiled, which took 0.8 s for a query that runs in 0.25 s. Short queries
        # (every page here) never win from it.
        opties = config.setdefault("OPTIONS", {})
        opties["options"] = f"{opties.get('options', '')} -c jit=off".strip()
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite: wait for a lock instead of failing while worker, beat and web all write.
        # IMMEDIATE takes the write lock when a transaction starts: a deferred transaction
        # that reads first and then writes cannot wait for the lock and fails at once
        # with "database is locked" (beat's first heartbeat in ``make run`` did).
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        }
        config["CONN_MAX_AGE"] = 0
        # Tests use a file too, so a real worker process can share the test database.
        # One file per test process, so parallel runs never share (and wipe) a database.
        config["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
        name = str(config["NAME"])
        if name and name != ":memory:":
            Path(name).parent.mkdir(parents=True, exist_ok=True)
    return config


DATABASES = {
    "default": env_parsed(
        "DATABASE_URL",
        f"sqlite:///{VAR_DIR / 'kcc.sqlite3'}",
        _database,
        "een database-URL zoals postgres://user:pass@host:5432/naam of sqlite:///pad",
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _cache(url: str) -> dict:
    if url.startswith(("redis://", "rediss://")):
        # Fails soft (kcc/core/cache.py): Redis down must not turn logins and forms into 500s.
        return {
            "BACKEND": "kcc.core.cache.FailSoftRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    if url == "locmem://":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith("db://"):
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": url.removeprefix("db://") or "kcc_cache",
        }
    raise ValueError(url)


# Rate limits (failed logins, forms) live in the cache: shared between processes it must be.
CACHES = {
    "default": env_parsed(
        "CACHE_URL", "locmem://", _cache, "redis://host:6379/1, db://tabel of locmem://"
    )
}

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's backends, reading the user's roles with the user (one query).
AUTHENTICATION_BACKENDS = [
    "kcc.accounts.backends.RollenModelBackend",
    "kcc.accounts.backends.RollenAllauthBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: staff log in with username or e-mail; no self sign-up.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_ADAPTER = "kcc.accounts.adapters.StaffAccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_FORMS = {"login": "kcc.accounts.forms.StaffLoginForm"}
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "reset_password": "5/h/ip,3/h/key",
}
ACCOUNT_LOGOUT_ON_GET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = KCC_ORGANISATIE_NAAM + " KCC"
SOCIALACCOUNT_ADAPTER = "kcc.portaal.adapters.PortaalSocialAccountAdapter"
# DigiD (burgers, BSN) and eHerkenning (ondernemers, KVK) through an OIDC broker. A login
# route exists only for a broker whose server URL is set; the claim names differ per broker.
KCC_OIDC_BSN_CLAIM = env_str("KCC_OIDC_BSN_CLAIM", "bsn")
KCC_OIDC_KVK_CLAIM = env_str("KCC_OIDC_KVK_CLAIM", "kvk")
_OIDC_BROKERS = [
    {
        "provider_id": "digid",
        "name": "DigiD",
        "server_url": env_str("KCC_OIDC_DIGID_SERVER_URL", ""),
        "client_id": env_str("KCC_OIDC_DIGID_CLIENT_ID", ""),
        "secret": env_str("KCC_OIDC_DIGID_SECRET", ""),
    },
    {
        "provider_id": "eherkenning",
        "name": "eHerkenning",
        "server_url": env_str("KCC_OIDC_EHERKENNING_SERVER_URL", ""),
        "client_id": env_str("KCC_OIDC_EHERKENNING_CLIENT_ID", ""),
        "secret": env_str("KCC_OIDC_EHERKENNING_SECRET", ""),
    },
]
SOCIALACCOUNT_PROVIDERS: dict = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": broker["provider_id"],
                "name": broker["name"],
                "client_id": broker["client_id"],
                "secret": broker["secret"],
                "settings": {"server_url": broker["server_url"], "fetch_userinfo": True},
            }
            for broker in _OIDC_BROKERS
            if broker["server_url"]
        ]
    }
}
SOCIALACCOUNT_STORE_TOKENS = False
# DigiD gives no e-mail address; citizens add one themselves in "Mijn gegevens".
SOCIALACCOUNT_EMAIL_REQUIRED = False

LANGUAGE_CODE = "nl"
# Only languages whose pages are translated: the templates are written in Dutch, so a
# browser asking for English gets Dutch with lang="nl" (WCAG 3.1.1), not Dutch pages
# that claim lang="en". A language is added here together with its catalogue in
# locale/<code>/LC_MESSAGES/ (tests/core/test_i18n.py checks that it exists).
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES / "@utrecht/component-library-css/dist"),
    ("vendor/tokens", NODE_MODULES / "@nl-design-system-unstable/voorbeeld-design-tokens/dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"

# Outbound mail: EMAIL_URL (see kcc/mailurl.py). Default: a folder of .log files.
globals().update(
    env_parsed(
        "EMAIL_URL",
        f"file://{VAR_DIR / 'mail'}",
        parse_email_url,
        "smtp://user:pass@host:port, smtp+tls://..., file:///map of console://",
    )
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kcc@voorbeeldstad.nl")


# Inbound mail (kanalen.inbox): an IMAP mailbox polled by beat, imaps://user:pass@host:993/INBOX.
# Empty: no polling (the SMTP listener `manage.py smtp_listener` can receive instead).
def _imap_url(url: str) -> str:
    if url and not (url.startswith(("imap://", "imaps://")) and "@" in url):
        raise ValueError(url)
    return url


KCC_IMAP_URL = env_parsed(
    "KCC_IMAP_URL", "", _imap_url, "imaps://gebruiker:wachtwoord@host:993/INBOX of leeg"
)
# Public address of this site, for links in mails sent by background tasks (no request).
KCC_PUBLIEKE_URL = env_str("KCC_PUBLIEKE_URL", "http://127.0.0.1:8000").rstrip("/")
# Shared secret of the telephony (CTI) webhook, sent as "Authorization: Bearer <token>".
# Empty: every webhook call is refused.
KCC_CTI_TOKEN = env_str("KCC_CTI_TOKEN", "")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery (the broker URL is read above, with the production checks).
_CELERY_FS_DIR = VAR_DIR / "celery"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(_CELERY_FS_DIR / "out"),
        "data_folder_out": str(_CELERY_FS_DIR / "out"),
        "processed_folder": str(_CELERY_FS_DIR / "processed"),
        "control_folder": str(_CELERY_FS_DIR / "control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    else {"visibility_timeout": 3600}
)
if CELERY_BROKER_URL.startswith("filesystem"):
    for _folder in ("out", "processed", "control"):
        (_CELERY_FS_DIR / _folder).mkdir(parents=True, exist_ok=True)
# How long a worker holds an outbox message it is delivering; after that (a crashed
# worker) beat offers it again. Longer than the slowest delivery (HTTP time-out).
KCC_OUTBOX_LEASE_SECONDS = env_int("KCC_OUTBOX_LEASE_SECONDS", 300)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Beat writes each task's last run to the database right after sending it (default: every
# 3 minutes), so ``manage.py health --beat`` sees a stopped beat within the max age.
CELERY_BEAT_SYNC_EVERY = 1
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {
        "task": "kcc.core.tasks.heartbeat",
        "schedule": float(KCC_HEARTBEAT_INTERVAL),
    },
    # Zaken outbox: webhooks and notifications that are still due (broker was down, ...).
    "zaken-outbox-herverzenden": {
        "task": "zaken.tasks.outbox_herverzenden",
        "schedule": 60.0,
    },
    # KPI daily tables: the last 10 days again every night (FCR window of 5 working days).
    "kpi-dagcijfers-bijwerken": {
        "task": "kcc.kpi.tasks.kpi_dagcijfers_bijwerken",
        "schedule": crontab(hour=2, minute=15),
    },
    # KCC inbox: unsent e-mail answers again; new mail from the IMAP mailbox (if configured).
    "inbox-antwoorden-herverzenden": {
        "task": "kanalen.inbox.tasks.antwoorden_herverzenden",
        "schedule": 60.0,
    },
    "inbox-imap-ophalen": {
        "task": "kanalen.inbox.tasks.imap_ophalen",
        "schedule": 60.0,
    },
    "inbox-afspraak-herinneringen": {
        "task": "kanalen.inbox.tasks.afspraak_herinneringen",
        "schedule": 900.0,
    },
    # Stored answers of idempotent API calls (kept 24 hours; removed within the hour
    # after) and stale portal concepts.
    "klanten-idempotentie-opruimen": {
        "task": "klanten.tasks.idempotentie_opruimen",
        "schedule": crontab(minute=10),
    },
    "portaal-concepten-opruimen": {
        "task": "kcc.portaal.tasks.concepten_opruimen",
        "schedule": crontab(hour=3, minute=20),
    },
    # Norm monitor (kcc/normen/monitor.py): warnings and breaches, every 5 minutes.
    "normen-monitor": {
        "task": "kcc.normen.tasks.monitor",
        "schedule": 300.0,
    },
    # Daily digest for teamleiders at 08:00 (skipped on non-working days).
    "normen-teamleider-digest": {
        "task": "kcc.normen.tasks.teamleider_digest",
        "schedule": crontab(hour=8, minute=0),
    },
}

# Base registries. Defaults: the local providers under /demo-brp/ and /demo-kvk/ of this
# same server (mounted outside production only).
BRP_API_URL = env_str(
    "BRP_API_URL",
    "" if PRODUCTION else "http://127.0.0.1:8000/demo-brp/haalcentraal/api/brp",
)
BRP_API_KEY = env_str("BRP_API_KEY", "" if PRODUCTION else "kcc-demo-brp-sleutel")
KVK_API_URL = env_str("KVK_API_URL", "" if PRODUCTION else "http://127.0.0.1:8000/demo-kvk/api")
KVK_API_KEY = env_str("KVK_API_KEY", "" if PRODUCTION else "kcc-demo-kvk-sleutel")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "kcc.accounts.authentication.MedewerkerTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "kcc.core.schema.KccAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kcc.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "KCC API",
    "DESCRIPTION": "API van het klantcontactcentrum: catalogus, klanten, contactmomenten, zaken.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Several models have a field "soort" with different choices: name each enum.
    "ENUM_NAME_OVERRIDES": {
        "KlantSoortEnum": "klanten.models.Klant.Soort",
        "DigitaalAdresSoortEnum": "klanten.models.DigitaalAdres.Soort",
        "ToestemmingSoortEnum": "klanten.models.Toestemming.Soort",
        "ProductSoortEnum": "productcatalogus.models.Product.Soort",
        "ZaakSoortEnum": "zaken.models.Zaak.Soort",
    },
}

# Content-Security-Policy: only our own origin; htmx and our scripts come from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

# Dutch page for a refused form post (expired session, a form open in an old tab).
CSRF_FAILURE_VIEW = "kcc.core.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # /health/ is probed over plain HTTP inside the compose network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # aiosmtpd (manage.py smtp_listener) logs every SMTP command at INFO.
        "mail.log": {"level": "WARNING"},
    },
}
