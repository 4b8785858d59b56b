"""The family's voice in the portal (/mijn/ervaring/): questions K and I in plain language. The answers leave the
household without names (services.voice_answer)."""
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from tandem.core.exceptions import RuleViolation
from tandem.experts import forms, selectors, services
from tandem.portal.views.session import log_read, resident_required


@resident_required
def questions(request):
    log_read(request, "voice")
    return render(request, "experts/voice_list.html", {
        "title": "Uw ervaring", "nav": "voice", "questions": selectors.open_voice_questions(request.member)})


@resident_required
def answer(request, occasion, object_id):
    question = next((q for q in selectors.open_voice_questions(request.member)
                     if q.occasion == occasion and str(q.object_id) == str(object_id)), None)
    if question is None:
        raise Http404("Deze vraag bestaat niet, of u heeft hem al beantwoord.")
    form = forms.VoiceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.voice_answer(member=request.member, occasion=occasion, object_id=object_id,
                                  **form.cleaned_data)
        except RuleViolation as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Dank u wel! Uw antwoord helpt ons om beter te werken. Uw naam staat er niet bij.")
            return redirect("experts:voice")
    return render(request, "experts/voice_form.html", {"title": "Uw ervaring", "nav": "voice", "form": form,
                                                       "question": question})
