"""The room's pages: its board page (cards, sessions, figures), opening a talk (the
board's start page), a counsellor's card and queue, a member's talks, and /stats."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import hooks
from forum.access import Access
from forum.counsel import bp, queries
from forum.counsel.access import counsellors, is_counsellor
from forum.counsel.cards import card_of, save_card
from forum.counsel.forms import CardForm, OpenTalkForm, chosen_id, counsellor_choices
from forum.counsel.loaders import load_room
from forum.counsel.talks import open_talk
from forum.feedback import attempt
from forum.permissions import access_for
from forum.security import no_store


def board_values(board, user):
    """The board page's values: the cards, the sessions and the room's figures."""
    upcoming, held = queries.sessions(board)
    return {"cards": queries.cards(board), "upcoming": upcoming, "held": held,
            "figures": queries.figures([board.id]),
            "counsellor": is_counsellor(user, board.id)}


def start_page(board):
    """GET,POST /b/<slug>/new: open a talk; None for those who may not (the core answers)."""
    if Access.START not in access_for(current_user, board):
        return None
    form = OpenTalkForm()
    form.counsellor.choices = counsellor_choices(counsellors(board.id), _("The whole room"))
    if form.validate_on_submit() and (opened := attempt(form, lambda: open_talk(
            board, current_user, pseudonym=form.pseudonym.data, body=form.body.data,
            counsellor_id=chosen_id(form.counsellor.data)), default="body")):
        return redirect(url_for("counsel.talk", talk_id=opened.value.id))
    return no_store(render_template("counsel/open.html", board=board, form=form))


@bp.route("/counsel/<slug>/card", methods=["GET", "POST"])
@login_required
def card(slug):
    """GET,POST: a counsellor's own card on the board."""
    board = load_room(slug, need=Access.HANDLE)
    mine = card_of(board, current_user)
    form = CardForm(obj=mine)
    if form.validate_on_submit() and attempt(form, lambda: save_card(
            board, current_user, name=form.name.data, kind=form.kind.data, intro=form.intro.data,
            receives=form.receives.data), done=_("Your card has been saved.")):
        return redirect(url_for("boards.board", slug=board.slug))
    return render_template("counsel/card.html", board=board, form=form)


@bp.get("/counsel/<slug>/queue")
@login_required
def queue(slug):
    """The talks waiting for this counsellor's answer: urgent first, oldest first."""
    board = load_room(slug, need=Access.HANDLE)
    return no_store(render_template("counsel/queue.html", board=board,
                                    talks=queries.queue(board, current_user)))


@bp.get("/counsel/mine")
@login_required
def mine():
    """The member's own talks."""
    return no_store(render_template("counsel/mine.html", talks=queries.talks_of(current_user)))


@hooks.section("search")
def search_section(query):
    """On /search: the finished hosted sessions' public answers that hold the query."""
    found = queries.public_answers(query)
    return ("counsel/search.html", {"questions": found}) if found else None


@hooks.section("stats")
def stats_section():
    """The room's figures on /stats: aggregates only."""
    return "counsel/stats.html", {"figures": queries.figures()}

