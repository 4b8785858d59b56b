"""Settings, read from the environment (healthchecks style). SQLite by default; DATABASE_URL chooses."""
import os
import tempfile
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "False") -> bool:
    return os.environ.get(name, default).lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


DEBUG = envbool("TANDEM_DEBUG", "False")
# Production must set TANDEM_SECRET_KEY; the fallback is for local trials and tests only.
_DEV_SECRET_KEY = "dev-only-insecure-key-set-TANDEM_SECRET_KEY-in-production"
SECRET_KEY = os.environ.get("TANDEM_SECRET_KEY", _DEV_SECRET_KEY)
ALLOWED_HOSTS = [h for h in os.environ.get("TANDEM_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "tandem.core",
    "tandem.organisations",
    "tandem.audit",
    "tandem.cases",
    "tandem.monitor",
    "tandem.safetyplan",
    "tandem.portal",
    "tandem.accounts",
    "tandem.workspace",
    "tandem.programme",
    "tandem.budget",
    "tandem.privacy",
    "tandem.operations",
    "tandem.notifications",
    "tandem.national",
    "tandem.experts",
    "tandem.administration",
    "tandem.jobs",
    "django_tasks",
    "django_tasks_db",
    "tandem.api",  # before rest_framework: its catalog keeps Django's Dutch for the site's forms (api/locale)
    "rest_framework",
    "drf_spectacular",
    "tandem.appearance",
    "tandem.help",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tandem.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tandem.core.middleware.NoStoreMiddleware",
    "tandem.cases.views.anonymity.AnonymousPageMiddleware",
]

ROOT_URLCONF = "tandem.config.urls"
WSGI_APPLICATION = "tandem.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tandem.notifications.context_processors.notifications",
                "tandem.appearance.context_processors.theme",
            ],
            "builtins": ["tandem.appearance.templatetags.dutch"],  # |datum, |datum_tijd, |aantal everywhere
        },
    }
]

_default_db = "sqlite:///" + str(Path(os.environ.get("TANDEM_DATA_DIR", Path.cwd())) / "tandem.sqlite3")
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db), conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# --- Serving under load (issue 16; docs/scaling.md) ---
# SQLite: WAL (readers never wait for the writer), writers queue for up to TANDEM_SQLITE_TIMEOUT seconds instead of
# failing with "database is locked", and take the write lock when their transaction begins (IMMEDIATE).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=envint("TANDEM_SQLITE_TIMEOUT", 30),
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
# PostgreSQL: a pool of at most TANDEM_DB_POOL_MAX connections per process (psycopg's pool; `tandem serve` sets it
# to its threads per worker), so that a burst of requests queues for a connection instead of exhausting the server.
if DATABASES["default"]["ENGINE"].endswith("postgresql") and envint("TANDEM_DB_POOL_MAX", 0) > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": envint("TANDEM_DB_POOL_MIN", 1), "max_size": envint("TANDEM_DB_POOL_MAX", 0),
        "timeout": envint("TANDEM_DB_POOL_TIMEOUT", 30)}
# A read replica for the monitor's figures (tandem.core.routers); migrations run on the primary only.
if os.environ.get("TANDEM_READ_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["TANDEM_READ_REPLICA_URL"], conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["tandem.core.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace:home"  # a start page per role
LOGOUT_REDIRECT_URL = "login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Served by WhiteNoise straight from the package; set TANDEM_STATIC_ROOT to run `tandem collectstatic`.
STATIC_ROOT = os.environ.get("TANDEM_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_AGE = envint("TANDEM_SESSION_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("TANDEM_SECURE_COOKIES", "False")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Resident portal sign-in through the municipality's OpenID Connect provider for DigiD (all optional; without an
# issuer the portal offers the one-time code only). Register https://<host>/mijn/digid/terug/ as redirect URI.
TANDEM_PORTAL_OIDC_ISSUER = os.environ.get("TANDEM_PORTAL_OIDC_ISSUER", "")
TANDEM_PORTAL_OIDC_CLIENT_ID = os.environ.get("TANDEM_PORTAL_OIDC_CLIENT_ID", "")
TANDEM_PORTAL_OIDC_CLIENT_SECRET = os.environ.get("TANDEM_PORTAL_OIDC_CLIENT_SECRET", "")

# Professionals' sign-in through their organisation's OpenID Connect provider (optional; tandem.accounts.oidc).
# Register https://<host>/inloggen/organisatie/terug/ as redirect URI. The claim names an existing user.
TANDEM_OIDC_ISSUER = os.environ.get("TANDEM_OIDC_ISSUER", "")
TANDEM_OIDC_CLIENT_ID = os.environ.get("TANDEM_OIDC_CLIENT_ID", "")
TANDEM_OIDC_CLIENT_SECRET = os.environ.get("TANDEM_OIDC_CLIENT_SECRET", "")
TANDEM_OIDC_USERNAME_CLAIM = os.environ.get("TANDEM_OIDC_USERNAME_CLAIM", "preferred_username")

# Notifications by e-mail (tandem.notifications): Django's mail settings from the environment. The e-mail holds
# no personal data, only a link to TANDEM_BASE_URL; whether a person gets one is a setting per region and person.
TANDEM_BASE_URL = os.environ.get("TANDEM_BASE_URL", "http://127.0.0.1:8000")
EMAIL_HOST = os.environ.get("TANDEM_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("TANDEM_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("TANDEM_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TANDEM_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("TANDEM_EMAIL_TLS", "False")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("TANDEM_EMAIL_FROM", "Tandem <tandem@localhost>")

# Programme start for the monitor's question B; per region in the database, this is the default.
# The municipality's theme over the NL Design System tokens (tandem.appearance): the name after "Tandem" in the
# header, a logo under the static files, and two colours that must reach 4.5:1 against white (checked at start).
TANDEM_THEME_NAME = os.environ.get("TANDEM_THEME_NAME", "")
TANDEM_THEME_LOGO = os.environ.get("TANDEM_THEME_LOGO", "")
TANDEM_THEME_PRIMARY = os.environ.get("TANDEM_THEME_PRIMARY", "#1d4f91")
TANDEM_THEME_PRIMARY_DARK = os.environ.get("TANDEM_THEME_PRIMARY_DARK", "#123566")
TANDEM_PROGRAMME_START = os.environ.get("TANDEM_PROGRAMME_START", "2024-06-01")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TANDEM_LOG_LEVEL", "WARNING")},
}

# --- Security (issue 5; docs/security.md): emergency access, retention, production mode, security headers ---
INSTALLED_APPS += ["tandem.security"]
MIDDLEWARE += ["tandem.security.middleware.SecurityHeadersMiddleware"]
# Emergency access ("break the glass"): how long one grant lasts.
TANDEM_EMERGENCY_MINUTES = envint("TANDEM_EMERGENCY_MINUTES", 60)
# Retention after the last trajectory closed (Jeugdwet art. 7.3.8: 20 years); `tandem retention` applies it.
TANDEM_RETENTION_YEARS = envint("TANDEM_RETENTION_YEARS", 20)
# The national programme (docs/national.md): TANDEM_NATIONAL=1 makes this installation the national side (pilots,
# imported hand-overs, national pages). On a region's side: the Ed25519 private key that signs its hand-overs
# (a PEM file), and the key of the research export's pseudonymous ids (never leaves the region; default derived
# from SECRET_KEY) with its disclosure threshold k.
TANDEM_NATIONAL = envbool("TANDEM_NATIONAL", "False")
TANDEM_SIGNING_KEY_FILE = os.environ.get("TANDEM_SIGNING_KEY_FILE", "")
TANDEM_RESEARCH_KEY = os.environ.get("TANDEM_RESEARCH_KEY", "")
TANDEM_RESEARCH_K = envint("TANDEM_RESEARCH_K", 5)
# Production (TANDEM_PRODUCTION=1): a real secret from the environment, no DEBUG, HTTPS only. `tandem check
# --deploy` is clean with it. Without it (tests, scripts/start, CI) the development defaults above apply.
TANDEM_PRODUCTION = envbool("TANDEM_PRODUCTION", "False")
if TANDEM_PRODUCTION:
    from django.core.exceptions import ImproperlyConfigured

    if not os.environ.get("TANDEM_SECRET_KEY") or SECRET_KEY == _DEV_SECRET_KEY:
        raise ImproperlyConfigured("TANDEM_PRODUCTION=1 vraagt om TANDEM_SECRET_KEY (een lange, willekeurige sleutel, "
                                  "niet de openbare ontwikkelsleutel).")
    if DEBUG:
        raise ImproperlyConfigured("TANDEM_DEBUG mag niet aan staan met TANDEM_PRODUCTION=1.")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = envbool("TANDEM_SECURE_COOKIES", str(TANDEM_PRODUCTION))
SECURE_SSL_REDIRECT = envbool("TANDEM_SSL_REDIRECT", str(TANDEM_PRODUCTION))
SECURE_HSTS_SECONDS = envint("TANDEM_HSTS_SECONDS", 31536000 if SESSION_COOKIE_SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("TANDEM_HSTS_INCLUDE_SUBDOMAINS", str(SECURE_HSTS_SECONDS > 0))
SECURE_HSTS_PRELOAD = envbool("TANDEM_HSTS_PRELOAD", str(SECURE_HSTS_SECONDS > 0))
TANDEM_BEHIND_PROXY = envbool("TANDEM_BEHIND_PROXY", "False")
if TANDEM_BEHIND_PROXY:  # TLS ends at a reverse proxy that sets X-Forwarded-Proto (and X-Forwarded-For)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Data security (issue 11; docs/security.md): keys outside the database, import limits ---
from tandem.core.keys import DEV_AUDIT_KEY, DEV_ENCRYPTION_KEY, read_keys  # noqa: E402

# The access log's HMAC key(s) and the Fernet keys for personal data at rest (BSN); newest first; *_FILE for a file.
TANDEM_AUDIT_KEYS = read_keys("TANDEM_AUDIT_KEY", dev_default=DEV_AUDIT_KEY, production=TANDEM_PRODUCTION)
TANDEM_ENCRYPTION_KEYS = read_keys("TANDEM_ENCRYPTION_KEYS", dev_default=DEV_ENCRYPTION_KEY,
                                   production=TANDEM_PRODUCTION, kind="fernet")
# Where `tandem audit anchor` appends and `tandem audit verify` reads the external anchor (outside the database).
TANDEM_AUDIT_ANCHOR_FILE = os.environ.get("TANDEM_AUDIT_ANCHOR_FILE", "")
# Limits on what `tandem import` reads (bytes; JSON nesting; households or spreadsheet rows; XLSX unpacked).
TANDEM_IMPORT_MAX_BYTES = envint("TANDEM_IMPORT_MAX_BYTES", 100 * 1024 * 1024)
TANDEM_IMPORT_MAX_DEPTH = envint("TANDEM_IMPORT_MAX_DEPTH", 20)
TANDEM_IMPORT_MAX_ROWS = envint("TANDEM_IMPORT_MAX_ROWS", 100_000)
TANDEM_IMPORT_MAX_UNPACKED = envint("TANDEM_IMPORT_MAX_UNPACKED", 200 * 1024 * 1024)
TANDEM_IMPORT_MAX_RATIO = envint("TANDEM_IMPORT_MAX_RATIO", 100)
# --- Sign-in (issue 11; docs/security.md "Strong sign-in"): django-otp devices, OpenID Connect through
# mozilla-django-oidc (backends answer only at their own callback URL), an absolute session lifetime.
INSTALLED_APPS += ["django_otp"]
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "tandem.accounts.oidc.OrganisationBackend",
                           "tandem.portal.oidc.DigiDBackend"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
                  "tandem.accounts.middleware.SessionLifetimeMiddleware")
# Signed in for at most this long, however active (the idle timeout is TANDEM_SESSION_SECONDS).
TANDEM_SESSION_MAX_SECONDS = envint("TANDEM_SESSION_MAX_SECONDS", 10 * 60 * 60)

# Imports and exports on the web (tandem.jobs) run as tasks (django-tasks). "database": kept in the database and run
# by a worker (`tandem db_worker`); "immediate": run in the web process right away (the quick start). Production
# defaults to the database.
TANDEM_TASKS = os.environ.get("TANDEM_TASKS", "database" if TANDEM_PRODUCTION else "immediate")
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend" if TANDEM_TASKS == "database"
                     else "django_tasks.backends.immediate.ImmediateBackend"}}
# Where a running job writes its progress (a small file per job; nothing personal).
TANDEM_JOB_DIR = os.environ.get("TANDEM_JOB_DIR", str(Path(tempfile.gettempdir()) / "tandem-jobs"))

# The open API for the partners' own systems (tandem.api, docs/api.md): key per organisation, JSON only, the
# dossier's rights. Rate limit per client in the database (api.throttling), not in a per-process cache.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["tandem.api.authentication.BearerKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["tandem.api.permissions.ClientScope"],
    "DEFAULT_THROTTLE_CLASSES": ["tandem.api.throttling.ClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "tandem.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tandem API",
    "VERSION": "1",
    "DESCRIPTION": ("Een koppeling voor het eigen systeem van een partnerorganisatie. Een API-client werkt als een "
                    "medewerker van zijn organisatie in het team van een gezin: dezelfde rechten (docs/rights.md), "
                    "dezelfde anonimiteit, en alles in het toegangslogboek."),
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
}
