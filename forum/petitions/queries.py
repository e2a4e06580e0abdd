"""Reading petitions: one thread's, the queues of /mod/, the badges of a board's list and
the figures (from the petition table's indexes, never by counting posts)."""
from flask_babel import gettext as _
from sqlalchemy import bindparam, func
from sqlalchemy.orm import joinedload

from forum import cases, workdays
from forum.extensions import db
from forum.reads import read
from forum.models import LetterState, Unit
from forum.petitions.models import OPEN_STATES, Petition, PetitionMonth

QUEUE_MAX = 50

# Built once: every view of a discussion thread asks whether it is a petition (most are
# not, and loading nothing through three joins cost more than asking).
_ID_OF_THREAD = db.select(Petition.id).where(Petition.thread_id == bindparam("thread_id"))
_PETITION = (db.select(Petition)
             .options(joinedload(Petition.unit), joinedload(Petition.concerned_unit),
                      joinedload(Petition.reply_post))
             .where(Petition.id == bindparam("id")))


def petition_of_thread(thread_id):
    """The thread's petition with its units and official reply, or None."""
    petition_id = read(_ID_OF_THREAD, {"thread_id": thread_id}).scalar()
    if petition_id is None:
        return None
    return db.session.execute(_PETITION, {"id": petition_id}).scalar_one()


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
                  Petition.received_on, Petition.days_taken, Unit.name)
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
    return workdays.current().count(petition.received_on, today)


def unit_months(unit_ids=None):
    """Per unit and month received (summary rows, with the unit's name): received,
    answered, answered on time, average working days to the answer, rated and satisfied;
    newest month first."""
    query = (db.select(PetitionMonth, Unit.name).join(Unit, Unit.id == PetitionMonth.unit_id)
             .order_by(PetitionMonth.month.desc(), Unit.position, Unit.id))
    if unit_ids is not None:
        query = query.where(PetitionMonth.unit_id.in_(unit_ids))
    return [{"unit_id": row.unit_id, "unit": name, "month": row.month.strftime("%Y-%m"),
             "received": row.received, "answered": row.answered, "on_time": row.on_time,
             "on_time_rate": _rate(row.on_time, row.answered), "days_total": row.days_total,
             "average_days": _average(row.days_total, row.answered), "rated": row.rated,
             "satisfied": row.satisfied, "satisfaction": _rate(row.satisfied, row.rated)}
            for row, name in db.session.execute(query)]


def ranking(months):
    """The units by answers on time, then satisfaction, then petitions answered: the
    问政 ranking of every unit that received a petition."""
    totals, names = {}, {}
    for row in months:
        names[row["unit_id"]] = row["unit"]
        total = totals.setdefault(row["unit_id"], dict.fromkeys(
            ("received", "answered", "on_time", "rated", "satisfied", "days"), 0))
        for name in ("received", "answered", "on_time", "rated", "satisfied"):
            total[name] += row[name]
        total["days"] += row["days_total"]
    ranked = sorted(totals.items(), key=lambda item: (
        -(_rate(item[1]["on_time"], item[1]["answered"]) or 0),
        -(_rate(item[1]["satisfied"], item[1]["rated"]) or 0), -item[1]["answered"], item[0]))
    return [{"rank": rank, "unit": names[unit_id], "received": t["received"], "answered": t["answered"],
             "on_time_rate": _rate(t["on_time"], t["answered"]),
             "average_days": _average(t["days"], t["answered"]),
             "satisfaction": _rate(t["satisfied"], t["rated"])}
            for rank, (unit_id, t) in enumerate(ranked, start=1)]


def _listed():
    return db.select(Petition).options(joinedload(Petition.thread), joinedload(Petition.board),
                                       joinedload(Petition.unit))


def _average(total, count):
    return round(total / count, 1) if count else None


def _rate(part, whole):
    return round(100 * part / whole) if whole else None
