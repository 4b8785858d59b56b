from django.urls import include, path
from django.views.generic import RedirectView

from tandem.accounts.views import SignInView, SignOutView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:my_families", permanent=False)),
    path("inloggen/", SignInView.as_view(), name="login"),
    path("inloggen/", include("tandem.accounts.urls")),
    path("uitloggen/", SignOutView.as_view(), name="logout"),
    path("gezinnen/", include("tandem.cases.urls")),
    path("gezinnen/", include("tandem.workspace.urls")),
    path("monitor/", include("tandem.monitor.urls")),
    path("veiligheid/", include("tandem.safetyplan.urls")),
    path("programma/", include("tandem.programme.urls")),
    path("begroting/", include("tandem.budget.urls")),
    # The resident portal: its own address and its own sign-in, apart from the professionals' screens.
    path("mijn/", include("tandem.portal.urls")),
]
