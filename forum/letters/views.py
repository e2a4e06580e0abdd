"""Letter pages: write, track, my letters, one letter and the steps handlers take."""
from datetime import datetime

from flask import (abort, current_app, flash, redirect, render_template, request, session,
                   url_for)
from flask_babel import format_date, gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forum import captcha, hooks
from forum.extensions import db, limiter
from forum.feedback import attempt, flash_outcome
from forum.letters import bp, triage
from forum.letters.forms import (AnswerForm, ExtendForm, LetterForm, RateForm, ReasonForm,
                                 TrackForm, TransferForm)
from forum.letters.loaders import load_letter, load_letter_for_step
from forum.letters.queries import figures, first_post, mailboxes
from forum.seal import unseal
from forum.letters.tracking import find_by_code, record_letter_read, remember_opened
from forum.letters.writers import my_letters, writer_id_of
from forum.letters.writing import (LETTER_FILES, LETTER_MB, letter_kinds, superior_box,
                                  write_letter)
from forum.models import Letter, LetterKind, LetterRating, LetterState, Unit
from forum.models.base import utcnow
from forum.access import Access
from forum.letters.access import letter_access
from forum.models.letter import RATEABLE_STATES
from forum.permissions import access_for
from forum.security import no_store

SEEN_KEY = "letters_seen_at"
SHOWN_KEY = "letter_shown"  # the code of a letter just rated by code, for the next page


def write_page(board):
    """GET,POST /b/<box>/new: the letter form, then the query code, shown once."""
    if Access.START not in access_for(current_user, board):
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        abort(403)
    guest = not current_user.is_authenticated
    form = LetterForm()
    form.offer(letter_kinds(board), board.settings.get("anonymous") and not guest,
               superior_box(board) is not None, guest)
    if form.validate_on_submit():
        if guest and not captcha.check(form.captcha.data):
            form.captcha.errors.append(_("The characters do not match the picture; try the new one."))
        elif written := attempt(form, lambda: _write(board, form, guest)):
            letter, code = written.value
            # Post/Redirect/Get: a reload of the next page cannot send the letter twice.
            session["letter_sent"] = {"id": letter.id, "code": code}
            return redirect(url_for("letters.sent"))
    if guest:
        captcha.new_challenge()
    return no_store(render_template("letters/write.html", board=board, form=form, guest=guest,
                                     superior=superior_box(board), max_files=LETTER_FILES,
                                     max_mb=LETTER_MB))


@bp.get("/letters/sent")
def sent():
    """The query code of the letter just sent, shown once: the session forgets it here."""
    just_sent = session.pop("letter_sent", None)
    letter = just_sent and db.session.get(Letter, just_sent["id"])
    if letter is None:
        return redirect(url_for("letters.track"))
    return no_store(render_template("letters/written.html", letter=letter, board=letter.board,
                                     code=just_sent["code"]))


def _write(board, form, guest):
    return write_letter(
        board, None if guest else current_user, kind=form.kind.data, title=form.title.data,
        body=form.body.data, phone=form.phone.data, consent=form.consent.data,
        anonymous=bool(getattr(form, "anonymous", None) and form.anonymous.data),
        to_superior=bool(getattr(form, "to_superior", None) and form.to_superior.data),
        files=request.files.getlist("files"))



@bp.get("/letters/captcha.png")
def captcha_image():
    """The picture of this session's challenge; drawing it changes nothing."""
    return captcha.image_response()


@bp.route("/letters/track", methods=["GET", "POST"])
@limiter.limit("60 per hour", methods=["POST"])
def track():
    """The tracking form, or the letter its code opens; after a rating by code, that
    letter again (its code kept for this one page only)."""
    form = TrackForm()
    code = session.pop(SHOWN_KEY, None) if request.method == "GET" else None
    letter = None
    if code or form.validate_on_submit():
        code = code or form.code.data
        found = attempt(form, lambda: find_by_code(code, request.remote_addr))
        letter = found.value if found else None
        if found and letter is None:
            form.code.errors.append(_("No letter answers to this code. Check it and try again."))
    if letter is None:
        return no_store(render_template("letters/track.html", form=form))
    remember_opened(letter)
    rate = RateForm(code=code) if _rateable(letter) else None
    return no_store(render_template("letters/letter.html", letter=letter, post=first_post(letter),
                                     access=Access.VIEW, rate=rate, staff=False, forms=None))


@bp.post("/letters/rate")
@limiter.limit("60 per hour")
def rate_by_code():
    """Rate the letter a code opens, then show that letter again with what happened."""
    form = RateForm()
    found = attempt(None, lambda: find_by_code(form.code.data or "", request.remote_addr))
    if found and found.value is None:
        flash(_("No letter answers to this code. Check it and try again."), "error")
    if not (found and found.value):
        return redirect(url_for("letters.track"))
    session[SHOWN_KEY] = form.code.data
    return _rate(found.value, form, url_for("letters.track"))


@bp.post("/letters/<int:letter_id>/rate")
@login_required
def rate(letter_id):
    letter = load_letter(letter_id)
    if writer_id_of(letter) != current_user.id:
        abort(403)
    return _rate(letter, RateForm(), url_for("letters.letter", letter_id=letter.id))


def _rate(letter, form, back):
    flash_outcome(form, lambda: triage.rate_letter(letter, form.rating.data, form.comment.data),
                  _("Thank you for rating the answer."))
    return redirect(back)


def _rateable(letter):
    return letter.rating is None and letter.state in RATEABLE_STATES


@bp.get("/letters/mine")
@login_required
def mine():
    # When this browser last looked is kept in the signed session cookie, never in the
    # database: a stored time would tell that this account follows letters.
    seen = session.get(SEEN_KEY)
    letters, news = my_letters(current_user, seen and datetime.fromisoformat(seen))
    session[SEEN_KEY] = utcnow().isoformat()
    return render_template("letters/mine.html", letters=letters, news=news)


@bp.get("/letters/<int:letter_id>")
@login_required
def letter(letter_id):
    letter = load_letter(letter_id)
    access = letter_access(current_user, letter)
    staff = bool(access & (Access.HANDLE | Access.REPLY)) or writer_id_of(letter) != current_user.id
    if staff:
        record_letter_read(letter, current_user)
    rate = RateForm() if not staff and _rateable(letter) else None
    return no_store(render_template(
        "letters/letter.html", letter=letter, post=first_post(letter), access=access, rate=rate,
        staff=staff, forms=_step_forms(access),
        phone=unseal(letter.contact_sealed) if Access.HANDLE in access else None))


def _step_forms(access):
    if not access & (Access.HANDLE | Access.REPLY):
        return None
    transfer = TransferForm()
    transfer.unit.choices = [SelectChoice(u.id, u.name) for u in db.session.execute(
        db.select(Unit).order_by(Unit.position)).scalars()]
    return {"reason": ReasonForm(), "transfer": transfer, "answer": AnswerForm(),
            "extend": ExtendForm()}


STEPS = {
    "accept": (None, lambda letter, form: triage.accept_letter(letter, current_user)),
    "refuse": (ReasonForm, lambda letter, form: triage.refuse_letter(letter, current_user, form.reason.data)),
    "transfer": (TransferForm, lambda letter, form: triage.transfer_letter(letter, current_user, form.unit.data)),
    "draft": (AnswerForm, lambda letter, form: triage.draft_answer(letter, current_user, form.body.data)),
    "answer": (AnswerForm, lambda letter, form: triage.send_answer(letter, current_user, form.body.data)),
    "extend": (ExtendForm, lambda letter, form: triage.extend_deadline(
        letter, current_user, form.days.data, form.reason.data)),
    "close": (None, lambda letter, form: triage.close_letter(letter, current_user)),
    "publish": (None, lambda letter, form: triage.publish_letter(letter, current_user)),
}

DONE = {  # what the actor is told each step did, from the letter as it now is
    "accept": lambda letter: _("Accepted: the answer is due on %(date)s.",
                               date=format_date(letter.answer_due)),
    "refuse": lambda letter: _("Refused: the writer is shown your reason."),
    "transfer": lambda letter: _("Transferred to %(unit)s; its accounts have been told.",
                                 unit=letter.unit.name),
    "draft": lambda letter: _("Draft answer saved; the handlers have been told."),
    "answer": lambda letter: _("Answered: the writer can now read the answer."),
    "extend": lambda letter: _("Deadline extended: the answer is now due on %(date)s.",
                               date=format_date(letter.answer_due)),
    "close": lambda letter: _("Closed: nothing more happens to this letter."),
    "publish": lambda letter: _("Published on the mailbox's page."),
}


@bp.post("/letters/<int:letter_id>/<any(accept, refuse, transfer, draft, answer, extend, close, publish):step>")
@login_required
def step(letter_id, step):
    letter = load_letter_for_step(letter_id, step)
    form_class, act = STEPS[step]
    form = (form_class or _Plain)()
    if isinstance(form, TransferForm):
        form.unit.choices = []
    if flash_outcome(form, lambda: act(letter, form), None):
        flash(DONE[step](letter), "success")
    return redirect(url_for("letters.letter", letter_id=letter.id))


class _Plain(FlaskForm):
    """A step that asks nothing but the CSRF token."""


@hooks.section("stats")
def stats_section():
    """The mailboxes' monthly figures on /stats: per box, received, answered on time and
    satisfaction by month; also the CSV table "letters"."""
    boxes = mailboxes()
    rows = figures(boxes)
    return "letters/stats.html", {
        "boxes": [{"id": b.id, "slug": b.slug, "name": b.name, "months": rows[b.id]} for b in boxes],
        "tables": {"letters": [{"box": b.name, **row} for b in boxes for row in rows[b.id]]}}


@bp.app_context_processor
def letter_labels():
    """Kinds, states and ratings (each with its label), and deadline helpers, for letter
    templates."""
    from forum.cases import due_date, is_overdue

    return {"LetterKind": LetterKind, "LetterState": LetterState, "LetterRating": LetterRating,
            "letter_due": due_date, "letter_overdue": is_overdue}
