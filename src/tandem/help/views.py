from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from tandem.help.content import ROLES, SHARED_GUARDRAILS, TANDEM


@require_GET
def help_index(request):
    """The list of help pages; a signed-in person sees their own role's page first."""
    own = getattr(request.user, "role", None) if request.user.is_authenticated else None
    own = own if own in ROLES else None
    return render(request, "help/index.html", {"title": "Hulp", "roles": ROLES, "own": own,
                                               "own_title": ROLES[own]["title"] if own else ""})


@require_GET
def help_role(request, role):
    if role not in ROLES:  # a role without its own page yet: the list of all pages
        return redirect("help:index")
    page = ROLES[role]
    return render(request, "help/role.html", {
        "title": f"Hulp voor de {page['title'].lower()}",
        "page": page, "role": role, "tandem": TANDEM, "guardrails": page["guardrails"] + SHARED_GUARDRAILS,
        "roles": ROLES})
