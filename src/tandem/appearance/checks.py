from django.conf import settings
from django.core import checks

from tandem.appearance.theme import problems, theme_from


@checks.register()
def theme_settings(app_configs, **kwargs):
    """A municipality's colours must keep the pages WCAG 2.1 AA: refuse to start otherwise."""
    return [checks.Error(text, id="tandem.E201") for text in problems(theme_from(settings))]
