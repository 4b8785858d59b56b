from django.urls import include, path

from tandem.accounts.views import SignInView, SignOutView
from tandem.administration import first_sign_in
from tandem.cases.urls import urlpatterns as dossier_urls
from tandem.experts.urls import routes as experts_routes
from tandem.workspace.urls import dossier_pages

urlpatterns = [
    path("inloggen/", SignInView.as_view(), name="login"),
    path("inloggen/", include("tandem.accounts.urls")),
    path("inloggen/", include(first_sign_in.password_urls)),
    path("inloggen/uitnodiging/<str:token>/", first_sign_in.invitation_accept, name="invitation_accept"),
    path("rollen/", first_sign_in.roles, name="roles"),
    path("rollen/wisselen/", first_sign_in.role_switch, name="role_switch"),
    path("beheer/", include("tandem.administration.urls")),
    path("taken/", include("tandem.jobs.urls")),
    path("uitloggen/", SignOutView.as_view(), name="logout"),
    # The dossier's namespace: the core's pages and the composed ones (Mijn gezinnen, the household page).
    path("gezinnen/", include((dossier_pages + dossier_urls, "cases"))),
    path("", include("tandem.workspace.urls")),  # start page per role, work list, closing
    path("berichten/", include("tandem.notifications.urls")),
    path("monitor/", include("tandem.monitor.urls")),
    path("veiligheid/", include("tandem.safetyplan.urls")),
    path("programma/", include("tandem.programme.urls")),
    path("begroting/", include("tandem.budget.urls")),
    path("landelijk/", include("tandem.national.urls")),  # the national programme (TANDEM_NATIONAL)
    # The resident portal: its own address and its own sign-in, apart from the professionals' screens.
    path("mijn/", include("tandem.portal.urls")),
    # Experts by experience: the pool, the call-up, and the family's voice at /mijn/ervaring/.
    path("", include((experts_routes, "experts"))),
    # The open API for the partners' own systems (docs/api.md); its beheer page under /beheer/api/.
    path("api/v1/", include("tandem.api.urls")),
    path("beheer/api/", include("tandem.api.beheer_urls")),
    path("hulp/", include("tandem.help.urls")),
    path("", include("tandem.appearance.urls")),  # thema.css: the municipality's colours
]
