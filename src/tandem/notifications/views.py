"""Notifications: the list (read and unread), opening one (marks it read and goes to where it is done), marking
all read, and the e-mail setting."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tandem.cases.views.common import error_summary
from tandem.notifications import services
from tandem.notifications.forms import VALUES, EmailSettingForm
from tandem.notifications.mail import wants_email
from tandem.notifications.selectors import notifications_for


@login_required
def notification_list(request):
    page = Paginator(notifications_for(request.user).select_related("household"), 30).get_page(request.GET.get("pagina"))
    return render(request, "notifications/list.html", {"title": "Berichten", "page": page,
                                                       "by_email": wants_email(request.user)})


@login_required
def notification_open(request, notification_id):
    notification = notifications_for(request.user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404("Dit bericht bestaat niet.")
    services.notification_open(user=request.user, notification=notification)
    return redirect(notification.link)


@login_required
@require_POST
def notifications_read_all(request):
    services.notifications_read_all(user=request.user)
    messages.success(request, "Alle berichten staan op gelezen.")
    return redirect("notifications:list")


def _initial(user) -> dict:
    choice = {None: "regio", True: "ja", False: "nee"}[user.notify_by_email]
    return {"choice": choice, "email": user.email}


@login_required
def email_setting(request):
    form = EmailSettingForm(request.POST if request.method == "POST" else None, initial=_initial(request.user))
    if request.method == "POST" and form.is_valid():
        services.email_preference_set(user=request.user, notify_by_email=VALUES[form.cleaned_data["choice"]],
                                      email=form.cleaned_data["email"])
        messages.success(request, "Uw keuze is opgeslagen.")
        return redirect("notifications:list")
    return render(request, "notifications/setting.html", {"title": "Berichten per e-mail", "form": form,
                                                          "errors": error_summary(form)})
