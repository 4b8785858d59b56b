"""The safety plan as a PDF for the family, in plain Dutch (B1). reportlab, standard fonts, no images."""
import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    ListFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tandem.safetyplan.selectors import spread
from tandem.core.dates import dutch_date

STYLES = getSampleStyleSheet()
BODY, H1, H2 = STYLES["BodyText"], STYLES["Title"], STYLES["Heading2"]


def _d(day) -> str:
    return dutch_date(day, "–")


def _p(text: str, style=BODY) -> Paragraph:
    return Paragraph(escape(text or "–").replace("\n", "<br/>"), style)


def _bullets(items: list[str]) -> ListFlowable:
    return ListFlowable([_p(i) for i in items], bulletType="bullet", leftIndent=12)


def _agreements_table(agreements) -> Table:
    rows = [[_p("Wie"), _p("Wat"), _p("Klaar op"), _p("Als het niet lukt")]]
    for a in agreements:
        done = f" (gedaan op {_d(a.kept_on)})" if a.kept_on else ""
        rows.append([_p(a.who), _p(a.what + done), _p(_d(a.due_on)), _p(a.if_not_kept)])
    table = Table(rows, colWidths=[3 * cm, 6.5 * cm, 2.5 * cm, 5 * cm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5"))]))
    return table


def _situation(s) -> list:
    story = [_p(f"Zorg {s.rank}", H2), _p(f"In uw eigen woorden: {s.in_family_words}")]
    if s.in_professional_words:
        story.append(_p(f"Zo zeggen de hulpverleners het: {s.in_professional_words}"))
    story += [_p("Wat er minstens moet gebeuren:"), _bullets([c.text for c in s.conditions.all()]),
              _p("Wat we hebben afgesproken:"), _agreements_table(s.agreements.all()), Spacer(1, 8)]
    return story


def _scores(version) -> list:
    scores = list(version.scores.all())
    story = [_p("Hoe veilig is het nu?", H2),
             _p("Iedereen gaf een eigen cijfer. 0 betekent: het is helemaal niet veilig. 10 betekent: het is veilig "
                "genoeg. We tellen de cijfers niet bij elkaar op.")]
    if not scores:
        return [*story, _p("Er zijn nog geen cijfers gegeven.")]
    story.append(_bullets([f"{s.participant} ({s.get_participant_kind_display().lower()}): {s.score}"
                           + (f" – {s.explanation}" if s.explanation else "") for s in scores]))
    gap = spread(scores)
    if gap.disagree:
        story.append(_p(f"De cijfers lopen uiteen: van {gap.lowest} tot {gap.highest}. Dat mag. We praten erover "
                        f"wat er nodig is om het verschil kleiner te maken."))
    return story


def _sign_off(version) -> str:
    if version.signed_off_on:
        return f"U heeft deze versie voor gezien getekend op {_d(version.signed_off_on)}."
    if version.sign_off_refused_reason:
        return f"U heeft deze versie niet getekend. De reden: {version.sign_off_refused_reason}"
    return "Deze versie is nog niet getekend."


def plan_story(version, household_name: str) -> list:
    story = [_p(f"Veiligheidsplan van {household_name}", H1),
             _p(f"Versie {version.number}, van {_d(version.dated_on)}. Fase: {version.get_phase_display().lower()}."),
             _p("Dit plan hebben we samen met u en uw netwerk gemaakt. Hierin staat wat er thuis onveilig is, wat er "
                "minstens moet gebeuren en wie wat doet. Zo werken alle hulpverleners aan hetzelfde plan.")]
    for s in version.situations.all():
        story += _situation(s)
    story += _scores(version)
    story += [_p("Wie let erop?", H2), _p(version.monitored_by),
              _p("Wanneer kijken we samen terug?", H2), _p(f"Op {_d(version.evaluation_on)}."),
              _p("Wie doet wat in het team?", H2), _p(version.roles),
              _p("Getekend", H2), _p(_sign_off(version)),
              _p("Klopt er iets niet, of bent u het er niet mee eens? Zeg het tegen uw vaste hulpverlener. Uw eigen "
                 "mening wordt naast het plan opgeschreven.")]
    return story


def plan_pdf(version, household_name: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=f"Veiligheidsplan versie {version.number}",
                            author="Tandem", lang="nl-NL", leftMargin=2 * cm, rightMargin=2 * cm)
    doc.build(plan_story(version, household_name))
    return buffer.getvalue()
