from django.urls import include, path

from tandem.accounts.views import SignInView, SignOutView
from tandem.cases.urls import urlpatterns as dossier_urls
from tandem.workspace.urls import dossier_pages

urlpatterns = [
    path("inloggen/", SignInView.as_view(), name="login"),
    path("inloggen/", include("tandem.accounts.urls")),
    path("uitloggen/", SignOutView.as_view(), name="logout"),
    # The dossier's namespace: the core's pages and the composed ones (Mijn gezinnen, the household page).
    path("gezinnen/", include((dossier_pages + dossier_urls, "cases"))),
    path("", include("tandem.workspace.urls")),  # start page per role, work list, closing
    path("berichten/", include("tandem.notifications.urls")),
    path("monitor/", include("tandem.monitor.urls")),
    path("veiligheid/", include("tandem.safetyplan.urls")),
    path("programma/", include("tandem.programme.urls")),
    path("begroting/", include("tandem.budget.urls")),
    # The resident portal: its own address and its own sign-in, apart from the professionals' screens.
    path("mijn/", include("tandem.portal.urls")),
    path("hulp/", include("tandem.help.urls")),
    path("", include("tandem.appearance.urls")),  # thema.css: the municipality's colours
]
