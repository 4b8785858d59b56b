from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:my_families", permanent=False)),
    path("inloggen/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("gezinnen/", include("tandem.cases.urls")),
    path("monitor/", include("tandem.monitor.urls")),
    path("veiligheid/", include("tandem.safetyplan.urls")),
    # The resident portal: its own address and its own sign-in, apart from the professionals' screens.
    path("mijn/", include("tandem.portal.urls")),
]
