from tandem.api.beheer import app_name, urlpatterns  # noqa: F401
