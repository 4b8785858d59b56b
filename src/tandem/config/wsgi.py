import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.config.settings")
application = get_wsgi_application()

# The pseudonymiser's word lists take a few seconds to load: load them while the first requests are served, so
# the first anonymous page after a restart does not wait (src/tandem/privacy, docs/pseudonymisation.md).
from tandem.privacy.pseudonymise import prepare_in_background  # noqa: E402

prepare_in_background()
