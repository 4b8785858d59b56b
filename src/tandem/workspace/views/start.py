"""Where each role starts: those who work in dossiers on their families, coordinators on their work list (the
quarters to approve) beside the monitor, project leads and policy officers on the programme, the beheerder on
the administration page. Nobody lands on an empty family list."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from tandem.organisations.models import Role

START = {Role.COORDINATOR: "workspace:work", Role.PROJECTLEIDER: "programme:index", Role.BELEID: "programme:index",
         Role.BEHEERDER: "workspace:administration", Role.LANDELIJK: "national:index",
         Role.POOLCOORDINATOR: "experts:pool"}


def start_url_name(user) -> str:
    return START.get(user.role, "cases:my_families")


@login_required
def home(request):
    return redirect(start_url_name(request.user))


@login_required
def administration(request):
    """For now a page that says what the beheerder does (the administration screens come later)."""
    if request.user.role != Role.BEHEERDER:
        raise PermissionDenied("Deze pagina is voor de beheerder van de regio.")
    return render(request, "workspace/administration.html", {"title": "Beheer"})
