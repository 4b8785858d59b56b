from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from tandem.appearance.theme import css, theme_from


@require_GET
@cache_control(public=True, max_age=3600)
def theme_css(request):
    """The municipality's colours as custom properties (a stylesheet: the CSP allows no inline styles)."""
    return HttpResponse(css(theme_from(settings)), content_type="text/css; charset=utf-8")
