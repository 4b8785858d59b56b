"""'Mijn werk': what waits for this person, each item linking to where it is done (workspace/selectors.py)."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tandem.workspace.selectors import KINDS, work_list


@login_required
def work(request):
    items = work_list(request.user)
    groups = [(label, [i for i in items if i.kind == kind]) for kind, label in KINDS.items()]
    return render(request, "workspace/work.html", {"title": "Mijn werk", "groups": [g for g in groups if g[1]],
                                                   "count": len(items)})
