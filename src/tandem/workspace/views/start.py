"""Where each role starts: those who work in dossiers on their families, coordinators on their work list (the
quarters to approve) beside the monitor, project leads and policy officers on the programme, the beheerder on
the administration page. Nobody lands on an empty family list."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from tandem.organisations.models import Role

START = {Role.COORDINATOR: "workspace:work", Role.PROJECTLEIDER: "programme:index", Role.BELEID: "programme:index",
         Role.BEHEERDER: "administration:index", Role.TEAMLEIDER: "workspace:work", Role.LANDELIJK: "national:index",
         Role.POOLCOORDINATOR: "experts:pool"}


def start_url_name(user) -> str:
    return START.get(user.role, "cases:my_families")


@login_required
def home(request):
    return redirect(start_url_name(request.user))
