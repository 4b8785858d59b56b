"""Per organisation its own work in the families (seed `000_…` "Registratie van en-en-regie"): the involvements of
the person's organisation, their hours and the organisation's reports, for registering in the partner's own
system. Only trajectories the person may open (need-to-know, `cases.selectors.trajectories_visible_to`); no names:
the household's short code as Tandem shows it. Reading them is logged per household, as every export is."""
import csv
import io
from collections import defaultdict

from openpyxl import Workbook

from tandem.audit.services import audit_record
from tandem.cases.models import Report
from tandem.cases.selectors import own_involvements, trajectories_visible_to
from tandem.core.cells import safe_cell

HEADER = ["huishouden", "traject_aangemeld", "soort", "vorm", "begin", "einde", "anoniem", "uren", "datum_uren",
          "door"]


def rows_for(user) -> list[list]:
    organisation = user.organisation
    visible = trajectories_visible_to(user).values("id")
    involvements = (own_involvements(user).select_related("trajectory", "household")
                    .prefetch_related("time_entries__professional").order_by("household_id", "start", "id"))
    rows, households = [], defaultdict(int)
    for i in involvements:
        code, registered = i.household.short_code, i.trajectory.registered_on.isoformat()
        base = [code, registered, "betrokkenheid", i.get_form_display(), i.start.isoformat(),
                i.end.isoformat() if i.end else "", "ja" if i.anonymous else "nee"]
        rows.append([*base, "", "", ""])
        rows += [[*base, str(t.hours), t.on.isoformat(), t.professional.username if t.professional else ""]
                 for t in i.time_entries.all()]
        households[i.household_id] += 1
    reports = (Report.objects.filter(organisation=organisation, trajectory_id__in=visible)
               .select_related("trajectory__household").order_by("on", "id"))
    for r in reports:
        rows.append([r.trajectory.household.short_code, r.trajectory.registered_on.isoformat(), "melding", "",
                     r.on.isoformat(), "", "", "", "", ""])
        households[r.trajectory.household_id] += 1
    for household_id in households:
        audit_record(actor=user, action="export_own_work", household_id=household_id, purpose="eigen registratie",
                     detail={"organisation": organisation.code})
    return rows


def render(rows: list[list], format: str) -> bytes:
    if format == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "Eigen werk"
        sheet.append(HEADER)
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows([[safe_cell(v) for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8")
