from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def my_families(request):
    return render(request, "cases/my_families.html", {})
