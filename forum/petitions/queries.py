"""Reading petitions: one thread's, the queues of /mod/, the badges of a board's list and
the figures (from the petition table's indexes, never by counting posts)."""
from flask_babel import gettext as _
from sqlalchemy import case, func
from sqlalchemy.orm import joinedload

from forum import cases, workdays
from forum.extensions import db
from forum.models import LetterRating, LetterState, Unit
from forum.petitions.models import OPEN_STATES, Petition

QUEUE_MAX = 50
SATISFIED = (LetterRating.SATISFIED, LetterRating.FAIR)


def petition_of_thread(thread_id):
    """The thread's petition with its units and official reply, or None."""
    return db.session.execute(
        db.select(Petition).options(joinedload(Petition.unit), joinedload(Petition.concerned_unit),
                                    joinedload(Petition.reply_post))
        .where(Petition.thread_id == thread_id)).scalar_one_or_none()


def get_petition(petition_id):
    return db.session.execute(db.select(Petition).options(joinedload(Petition.thread))
                              .where(Petition.id == petition_id)).scalar_one_or_none()


def triage_queue(board_ids):
    """Petitions waiting to be accepted on these boards (None: every board), oldest first."""
    query = _listed().where(Petition.state == LetterState.PENDING)
    if board_ids is not None:
        query = query.where(Petition.board_id.in_(board_ids or [-1]))
    return db.session.execute(query.order_by(Petition.created_at).limit(QUEUE_MAX)).scalars().all()


def unit_queue(unit_id):
    """Petitions transferred to the unit and not yet closed, oldest first."""
    query = _listed().where(Petition.unit_id == unit_id,
                            Petition.state.in_((LetterState.TRANSFERRED, LetterState.ANSWERED)))
    return db.session.execute(query.order_by(Petition.created_at).limit(QUEUE_MAX)).scalars().all()


def waiting_count(unit_id):
    """How many petitions wait for the unit's answer (the header's count)."""
    return db.session.execute(db.select(func.count(Petition.id)).where(
        Petition.unit_id == unit_id, Petition.state == LetterState.TRANSFERRED)).scalar_one()


def open_overdue(on):
    """Open petitions past their due date whose unit and moderators were not told yet."""
    rows = db.session.execute(db.select(Petition).options(joinedload(Petition.board)).where(
        Petition.state.in_(OPEN_STATES), Petition.overdue_notified_at.is_(None))).scalars()
    return [p for p in rows if cases.is_overdue(p, on)]


def thread_badges(threads):
    """{thread id: [(label, css class)]}: each petition's state, unit and days taken."""
    ids = [t.id for t in threads]
    if not ids:
        return {}
    rows = db.session.execute(
        db.select(Petition.thread_id, Petition.state, Petition.accept_due, Petition.answer_due,
                  Petition.created_at, Petition.days_taken, Unit.name)
        .outerjoin(Unit, Unit.id == Petition.unit_id).where(Petition.thread_id.in_(ids))).all()
    today = cases.today()
    return {row.thread_id: [(state_label(row.state, row.name, taken(row, today)),
                             f"petition-state state-{row.state}")] for row in rows}


def state_label(state, unit_name, days):
    """待受理 / 已转交 (unit) / 已回复 / 已办结 and the working days taken (so far)."""
    state = LetterState(state)
    label = _("%(state)s: %(unit)s", state=state.label, unit=unit_name) \
        if state == LetterState.TRANSFERRED and unit_name else str(state.label)
    if state == LetterState.REFUSED:
        return label
    return _("%(label)s · %(n)d working days", label=label, n=days)


def taken(petition, today):
    """Working days from the petition's arrival to its answer, or to today while unanswered."""
    if petition.days_taken is not None:
        return petition.days_taken
    return workdays.current().count(cases.local_day(petition.created_at), today)


def unit_months(unit_ids=None):
    """Per unit (transferred to) and month received: received, answered, answered on
    time, average working days to the answer, rated and satisfied; newest month first."""
    query = (db.select(Petition.unit_id, Petition.month, func.count(Petition.id),
                       func.count(Petition.answered_at),
                       func.coalesce(func.sum(case((Petition.on_time.is_(True), 1), else_=0)), 0),
                       func.avg(Petition.days_taken), func.count(Petition.rating),
                       func.coalesce(func.sum(case((Petition.rating.in_(SATISFIED), 1), else_=0)), 0))
             .where(Petition.unit_id.is_not(None)).group_by(Petition.unit_id, Petition.month))
    if unit_ids is not None:
        query = query.where(Petition.unit_id.in_(unit_ids))
    names = ("unit_id", "month", "received", "answered", "on_time", "average_days", "rated",
             "satisfied")
    rows = [dict(zip(names, row)) for row in db.session.execute(query)]
    for row in rows:
        row["month"] = row["month"].strftime("%Y-%m")
        row["average_days"] = round(float(row["average_days"]), 1) if row["average_days"] is not None else None
        row["on_time_rate"] = _rate(row["on_time"], row["answered"])
        row["satisfaction"] = _rate(row["satisfied"], row["rated"])
    return sorted(rows, key=lambda r: (r["month"], r["unit_id"]), reverse=True)


def unit_names(unit_ids):
    return dict(db.session.execute(db.select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids or [-1]))).all())


def ranking(months):
    """The units by answers on time, then satisfaction, then petitions answered: the
    问政 ranking of every unit that received a petition."""
    totals = {}
    for row in months:
        total = totals.setdefault(row["unit_id"], dict.fromkeys(
            ("received", "answered", "on_time", "rated", "satisfied", "days"), 0))
        for name in ("received", "answered", "on_time", "rated", "satisfied"):
            total[name] += row[name]
        total["days"] += (row["average_days"] or 0) * row["answered"]
    ranked = sorted(totals.items(), key=lambda item: (
        -(_rate(item[1]["on_time"], item[1]["answered"]) or 0),
        -(_rate(item[1]["satisfied"], item[1]["rated"]) or 0), -item[1]["answered"], item[0]))
    return [{"rank": rank, "unit_id": unit_id, "received": t["received"], "answered": t["answered"],
             "on_time_rate": _rate(t["on_time"], t["answered"]),
             "average_days": round(t["days"] / t["answered"], 1) if t["answered"] else None,
             "satisfaction": _rate(t["satisfied"], t["rated"])}
            for rank, (unit_id, t) in enumerate(ranked, start=1)]


def _listed():
    return db.select(Petition).options(joinedload(Petition.thread), joinedload(Petition.board),
                                       joinedload(Petition.unit))


def _rate(part, whole):
    return round(100 * part / whole) if whole else None
