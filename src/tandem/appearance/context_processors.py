from django.conf import settings

from tandem.appearance.theme import theme_from


def theme(request):
    return {"theme": theme_from(settings)}
