"""Every route of the URL map × every role: the status each must get (DESIGN §5).

The table is checked against app.url_map, so a new route without a row fails here.
Each row runs in a fresh world: a board of unit U with its moderator, a thread with a
reply, a post waiting in the queue, a report, a ban, a word rule.
"""
import pytest

from forum.attachments.avatars import set_avatar
from forum.attachments.services import prepare_attachments, upload_attachments
from forum.boards.roles import grant
from forum.boards.services import reply
from forum.extensions import db
from forum.auth.invitations import create_invitations
from forum.auth.verification import request_verification
from forum.letters.writing import write_letter
from forum.messages.blocks import report_message
from forum.messages.services import start_conversation
from forum.models import (Ban, BoardRole, MessageReport, Notification, PasswordReset, Post,
                          QueueItem, Report, User, Verification, WordRule)
from forum.moderation.bans import ban_user
from forum.moderation.reports import report_post
from forum.moderation.words import add_word
from forum.notifications.service import notify
from tests.attachments.samples import image_bytes, upload
from tests.checks import says
from tests.conftest import login, post_form
from tests.branch.matrix import build_branch_world
from tests.counsel.matrix import build_counsel_world
from tests.disclosure.feedback_fixtures import build_feedback_world
from tests.petitions.matrix import build_petitions_world
from tests.receipts.matrix import build_receipts_world
from tests.factories import make_board, make_thread, make_unit, make_user
from tests.fund.matrix import build_fund_world
from tests.training.matrix import build_training_world

# Roles act in this order on one world; those allowed to change it come late, and an
# action repeated on changed state is refused with a message (still a redirect).
ROLES = ["guest", "member", "verified", "security", "audit", "other_moderator",
         "other_unit_account", "unit_account", "moderator", "system"]
EVERYONE = dict.fromkeys(ROLES, 200)


def expect(default, **overrides):
    return {role: overrides.get(role, default) for role in ROLES}


LOGGED_IN = expect(200, guest=302)
POSTS = expect(302)
MODERATORS = expect(403, guest=302, moderator=302, unit_account=302, system=302)
QUEUE_DECIDERS = expect(404, guest=302, moderator=302, unit_account=302, system=302)
MANAGERS_PAGE = expect(403, guest=302, unit_account=200, system=200)
MANAGERS_POST = expect(403, guest=302, unit_account=302, system=302)
QUEUE_PAGE = expect(200, guest=302, member=403, verified=403, security=403, audit=403)
LOG_PAGE = expect(200, guest=302, member=403, verified=403, system=403, security=403)
ADMIN_HOME = expect(403, guest=302, system=200, security=200, audit=200)
SYSTEM_PAGE = expect(403, guest=302, system=200)
SYSTEM_POST = expect(403, guest=302, system=302)
SECURITY_PAGE = expect(403, guest=302, security=200)
SECURITY_POST = expect(403, guest=302, security=302)
EDITORS_PAGE = expect(403, guest=302, moderator=200, unit_account=200, system=200)
EDITORS_POST = expect(403, guest=302, moderator=302, unit_account=302, system=302)
MOVERS = expect(403, guest=302, moderator=302, system=302)
LETTER_STAFF = expect(404, guest=302)  # only the box's handlers, none of these roles
PARTICIPANTS_PAGE = expect(404, guest=302, member=200, verified=200)
PARTICIPANTS_POST = expect(404, guest=302, member=302, verified=302)
ANY_MODERATOR_POST = expect(403, guest=302, moderator=302, other_moderator=302, unit_account=302,
                            other_unit_account=302, system=302)
TRAINERS_PAGE = expect(403, guest=302, moderator=200, system=200)
TRAINERS_POST = expect(403, guest=302, moderator=302, system=302)
TREASURERS_PAGE = expect(403, guest=302, moderator=200, unit_account=200)
TREASURERS_POST = expect(403, guest=302, moderator=302, unit_account=302)
# A branch: the verified account is its member; the moderator its secretary, and the
# unit account acts as one (tests/branch/matrix.py). Everyone else: 404.
BRANCH_READERS_PAGE = expect(404, guest=302, verified=200, unit_account=200, moderator=200)
BRANCH_READERS_POST = expect(404, guest=302, verified=302, unit_account=302, moderator=302)
SECRETARIES_PAGE = expect(404, guest=302, unit_account=200, moderator=200)
SECRETARIES_POST = expect(404, guest=302, unit_account=302, moderator=302)
# Petitions: any unit account may try a unit's step (refused unless the petition is its
# unit's); the verified account is the petitioner (tests/petitions/matrix.py).
UNIT_ACCOUNTS_POST = expect(403, guest=302, other_unit_account=302, unit_account=302)
PETITIONER_POST = expect(403, guest=302, verified=302)

# endpoint: [(method, path, form, expected statuses)]
ROUTES = {
    "boards.index": [("GET", "/", None, EVERYONE)],
    "boards.board": [("GET", "/b/{board}", None, EVERYONE), ("GET", "/b/{box}", None, EVERYONE)],
    "boards.new_thread": [("GET", "/b/{board}/new", None, LOGGED_IN),
                          ("POST", "/b/{board}/new", {"title": "新主题", "body": "内容"}, POSTS),
                          ("GET", "/b/{box}/new", None, EVERYONE)],
    "boards.thread": [("GET", "/t/{thread}", None, EVERYONE),
                      ("GET", "/t/{letter_thread}", None, expect(404)),
                      ("GET", "/t/{branch_thread}", None, BRANCH_READERS_PAGE | {"guest": 404})],
    "boards.reply_to": [("GET", "/t/{thread}/reply", None, LOGGED_IN),
                        ("POST", "/t/{thread}/reply", {"body": "回复"}, POSTS)],
    "boards.post": [("GET", "/p/{post}", None, expect(302)),
                    ("GET", "/p/{letter_post}", None, expect(404)),
                    ("GET", "/p/{branch_post}", None, expect(404, verified=302, unit_account=302,
                                                            moderator=302))],
    "boards.edit": [("GET", "/p/{first}/edit", None, EDITORS_PAGE),
                    ("POST", "/p/{first}/edit", {"title": "改", "body": "改过", "reason": "整理"}, EDITORS_POST)],
    "boards.preview": [("POST", "/preview", {"body": "**预览**"}, LOGGED_IN)],
    "boards.manage": [("GET", "/b/{board}/manage", None, MANAGERS_PAGE),
                      ("POST", "/b/{board}/manage", {"description": "新说明 {role}"}, MANAGERS_POST)],
    "boards.appoint": [("POST", "/b/{board}/manage/moderators", {"username": "verified"}, MANAGERS_POST)],
    "boards.dismiss": [("POST", "/b/{board}/manage/moderators/{moderator}/remove", {}, MANAGERS_POST)],
    "auth.register": [("GET", "/register", None, EVERYONE)],
    "auth.login": [("GET", "/login", None, EVERYONE)],
    "auth.logout": [("POST", "/logout", {}, POSTS)],
    "auth.account": [("GET", "/account", None, LOGGED_IN)],
    "auth.real_name": [("POST", "/account/real-name", {"shown": "0"}, POSTS)],
    "auth.password": [("GET", "/account/password", None, LOGGED_IN)],
    "auth.verify": [("GET", "/account/verify", None, LOGGED_IN)],
    "auth.delete": [("GET", "/account/delete", None, LOGGED_IN)],
    "auth.profile": [("GET", "/u/member", None, EVERYONE)],
    "auth.forgot": [("GET", "/password/forgot", None, EVERYONE),
                    ("POST", "/password/forgot", {"identifier": "member"}, POSTS)],
    "auth.reset": [("GET", "/password/reset/not-a-token", None, expect(410))],
    "auth.reset_with_code": [("GET", "/password/code", None, EVERYONE)],
    "admin.verifications": [("GET", "/admin/verifications", None, SECURITY_PAGE)],
    "admin.verification_decide": [("POST", "/admin/verifications/{verification}/approve", {}, SECURITY_POST)],
    "admin.display_names": [("GET", "/admin/display-names", None, SECURITY_PAGE)],
    "admin.display_name_decide": [("POST", "/admin/display-names/{moderator}/approve", {}, SECURITY_POST)],
    "admin.users": [("GET", "/admin/users?q=mem", None, SECURITY_PAGE)],
    "admin.user": [("GET", "/admin/users/{moderator}", None, SECURITY_PAGE)],
    "admin.user_new": [("GET", "/admin/users/new", None, SECURITY_PAGE)],
    "admin.users_import": [("GET", "/admin/users/import", None, SECURITY_PAGE)],
    "admin.user_unit_account": [("POST", "/admin/users/{moderator}/unit-account/off", {}, SECURITY_POST)],
    "admin.user_sign_out": [("POST", "/admin/users/{moderator}/sign-out", {}, SECURITY_POST)],
    "admin.invitation_list": [("GET", "/admin/invitations", None, SECURITY_PAGE),
                              ("POST", "/admin/invitations", {"count": "2", "days": "7", "note": "新党员"},
                               expect(403, guest=302, security=200))],
    "admin.invitation_revoke": [("POST", "/admin/invitations/{invitation}/revoke", {}, SECURITY_POST)],
    "admin.user_reset_code": [("POST", "/admin/users/{moderator}/reset-code", {}, expect(403, guest=302, security=200))],
    "i18n.switch_language": [("POST", "/lang/en", {"next": "/"}, expect(302))],
    "mod.queues": [("GET", "/mod/", None, QUEUE_PAGE)],
    "mod.log": [("GET", "/mod/log", None, LOG_PAGE)],
    "search.search_page": [("GET", "/search?q=党建&board={board}", None, EVERYONE)],
    "mod.thread_lock": [("POST", "/t/{thread}/lock", {}, MODERATORS)],
    "mod.thread_unlock": [("POST", "/t/{thread}/unlock", {}, MODERATORS)],
    "mod.thread_pin": [("POST", "/t/{thread}/pin", {"scope": "board"}, MODERATORS)],
    "mod.thread_unpin": [("POST", "/t/{thread}/unpin", {}, MODERATORS)],
    "mod.thread_feature": [("POST", "/t/{thread}/feature", {}, MODERATORS)],
    "mod.thread_unfeature": [("POST", "/t/{thread}/unfeature", {}, MODERATORS)],
    "mod.thread_hide": [("POST", "/t/{thread}/hide", {"reason": "违规"}, MODERATORS)],
    "mod.thread_restore": [("POST", "/t/{thread}/restore", {}, MODERATORS)],
    "mod.thread_move": [("POST", "/t/{thread}/move", {"board": "{target}", "reason": "归类"}, MOVERS)],
    "mod.post_hide": [("POST", "/p/{post}/hide", {"reason": "违规"}, MODERATORS)],
    "mod.post_restore": [("POST", "/p/{post}/restore", {}, MODERATORS)],
    "mod.post_report": [("POST", "/p/{post}/report", {"reason": "spam", "text": "广告"}, POSTS)],
    "mod.queue_approve": [("POST", "/q/{item}/approve", {}, QUEUE_DECIDERS)],
    "mod.queue_reject": [("POST", "/q/{item}/reject", {"reason": "不通过"}, QUEUE_DECIDERS)],
    "mod.report_close": [("POST", "/mod/reports/{report}/resolve", {}, QUEUE_DECIDERS),
                         ("POST", "/mod/reports/{report}/dismiss", {}, QUEUE_DECIDERS)],
    # No letter form was opened in these sessions: there is no challenge to draw.
    "letters.captcha_image": [("GET", "/letters/captcha.png", None, expect(404))],
    "auth.captcha_image": [("GET", "/login/captcha.png", None, expect(404))],
    "letters.sent": [("GET", "/letters/sent", None, expect(302))],
    "letters.track": [("GET", "/letters/track", None, EVERYONE),
                      ("POST", "/letters/track", {"code": "AAAA-BBBB"}, EVERYONE)],
    "letters.rate_by_code": [("POST", "/letters/rate", {"code": "AAAA", "rating": "fair"}, POSTS)],
    "letters.rate": [("POST", "/letters/{letter}/rate", {"rating": "fair"}, LETTER_STAFF)],
    "letters.mine": [("GET", "/letters/mine", None, LOGGED_IN)],
    "mine.threads": [("GET", "/me/threads", None, LOGGED_IN)],
    "mine.replies": [("GET", "/me/replies", None, LOGGED_IN)],
    "mine.follows": [("GET", "/me/follows", None, LOGGED_IN)],
    "letters.letter": [("GET", "/letters/{letter}", None, LETTER_STAFF)],
    "letters.step": [("POST", "/letters/{letter}/accept", {}, LETTER_STAFF),
                     ("POST", "/letters/{letter}/refuse", {"reason": "不受理"}, LETTER_STAFF)],
    "stats.index": [("GET", "/stats", None, EVERYONE)],
    "stats.figures_json": [("GET", "/stats.json", None, EVERYONE)],
    "stats.table_csv": [("GET", "/stats/units.csv", None, EVERYONE),
                        ("GET", "/stats/nothing.csv", None, expect(404))],
    "health.healthz": [("GET", "/healthz", None, EVERYONE)],
    "admin.home": [("GET", "/admin/", None, ADMIN_HOME)],
    "admin.boards": [("GET", "/admin/boards", None, SYSTEM_PAGE)],
    "admin.board_edit": [("GET", "/admin/boards/{board}", None, SYSTEM_PAGE)],
    "admin.board_new": [("GET", "/admin/boards/new", None, SYSTEM_PAGE)],
    "admin.board_archive": [("POST", "/admin/boards/{target}/archive", {}, SYSTEM_POST)],
    "admin.categories": [("GET", "/admin/categories", None, SYSTEM_PAGE)],
    "admin.category_edit": [("GET", "/admin/categories/{category}", None, SYSTEM_PAGE)],
    "admin.category_archive": [("POST", "/admin/categories/{category}/restore", {}, SYSTEM_POST)],
    "admin.category_move": [("POST", "/admin/categories/{category}/move", {"target_id": "{category}"},
                             SYSTEM_POST)],
    "admin.units": [("GET", "/admin/units", None, SYSTEM_PAGE)],
    "admin.settings": [("GET", "/admin/settings", None, SYSTEM_PAGE)],
    "admin.test_mail": [("POST", "/admin/settings/test-mail", {"to": "office@example.cn"}, SYSTEM_POST)],
    "admin.words": [("GET", "/admin/words", None, SYSTEM_PAGE)],
    "admin.holiday_calendar": [("GET", "/admin/calendar", None, SYSTEM_PAGE)],
    "admin.word_remove": [("POST", "/admin/words/{word}/remove", {}, SYSTEM_POST)],
    "admin.roles": [("GET", "/admin/roles", None, SECURITY_PAGE)],
    "admin.role_revoke": [("POST", "/admin/roles/{role_row}/revoke", {}, SECURITY_POST)],
    "admin.bans": [("GET", "/admin/bans", None, SECURITY_PAGE)],
    "admin.ban_lift": [("POST", "/admin/bans/{ban}/lift", {}, SECURITY_POST)],
    "notifications.index": [("GET", "/notifications", None, LOGGED_IN)],
    "notifications.open": [("GET", "/notifications/{notification}", None,
                            expect(404, guest=302, member=302))],
    "notifications.read_all": [("POST", "/notifications/read", {}, POSTS)],
    "notifications.digest": [("POST", "/notifications/digest", {"digest": "1"}, POSTS)],
    "notifications.complete_mention": [("GET", "/mentions?q=mem", None, LOGGED_IN)],
    "notifications.thread_subscribe": [("POST", "/t/{thread}/subscribe", {}, POSTS)],
    "notifications.thread_unsubscribe": [("POST", "/t/{thread}/unsubscribe", {}, POSTS)],
    "notifications.board_subscribe": [("POST", "/b/{board}/subscribe", {}, POSTS)],
    "notifications.board_unsubscribe": [("POST", "/b/{board}/unsubscribe", {}, POSTS)],
    "boards.board_read": [("POST", "/b/{board}/read", {}, POSTS)],
    "boards.first_unread": [("GET", "/t/{thread}/unread", None, expect(302))],
    "admin.upload_settings": [("GET", "/admin/uploads", None, SYSTEM_PAGE)],
    "attachments.upload": [("POST", "/b/{board}/attachments", {}, expect(400, guest=302))],
    "attachments.file": [("GET", "/a/{attachment}", None, EVERYONE),
                         ("GET", "/a/{pending_attachment}", None, expect(404))],
    "attachments.thumb": [("GET", "/a/{attachment}/thumb", None, EVERYONE),
                          ("GET", "/a/{pending_attachment}/thumb", None, expect(404))],
    "attachments.avatar": [("GET", "/avatars/{avatar}", None, EVERYONE)],
    "attachments.account_avatar": [("POST", "/account/avatar", {}, POSTS)],
    "messages.inbox": [("GET", "/messages", None, LOGGED_IN)],
    "messages.new": [("GET", "/messages/new", None, LOGGED_IN),
                     ("POST", "/messages/new", {"to": "member", "title": "题", "body": "你好"},
                      expect(302, member=200))],  # the member may not write to itself
    "messages.conversation": [("GET", "/messages/{conversation}", None, PARTICIPANTS_PAGE)],
    "messages.send": [("POST", "/messages/{conversation}", {"body": "回复"}, PARTICIPANTS_POST)],
    "messages.report": [("POST", "/messages/m/{message}/report", {"reason": "不当"}, PARTICIPANTS_POST)],
    "messages.blocks": [("GET", "/messages/blocks", None, LOGGED_IN),
                        ("POST", "/messages/blocks", {"username": "moderator"}, expect(302, moderator=200))],
    "messages.unblock": [("POST", "/messages/blocks/{moderator}/remove", {}, POSTS)],
    "admin.message_reports": [("GET", "/admin/message-reports", None, SECURITY_PAGE)],
    "admin.message_report_close": [("POST", "/admin/message-reports/{message_report}/resolve", {}, SECURITY_POST)],
    "profiles.signature": [("POST", "/account/signature", {"signature": "签名"}, POSTS)],
    "profiles.talent_mark": [("POST", "/u/member/talent", {"note": "文笔好"}, ANY_MODERATOR_POST)],
    "profiles.talent_unmark": [("POST", "/u/member/talent/remove", {}, ANY_MODERATOR_POST)],
    "profiles.talent_list": [("GET", "/talent", None, SYSTEM_PAGE)],
    # 党务公开's issuer tools (tests/disclosure check the issuer and each role on a real one).
    "disclosure.correct": [("GET", "/disclosures/999999/correct", None, expect(404, guest=302)),
                           ("POST", "/disclosures/999999/correct", {"title": "改", "body": "改", "reason": "改"},
                            expect(404, guest=302))],
    "disclosure.withdraw": [("POST", "/disclosures/999999/withdraw", {"reason": "撤"}, expect(404, guest=302))],
    "disclosure.close": [("POST", "/disclosures/999999/close", {"outcome": "no_objection"}, expect(404, guest=302))],
    "feeds.board_feed": [("GET", "/feeds/{board}.atom", None, EVERYONE)],
    # The training centre: the moderator is also the training board's trainer and duty
    # officer; the member is studying the lesson. JSON calls without a session token are
    # refused with a message (409), never a 500.
    "training.study": [("GET", "/study/{lesson}", None, LOGGED_IN),
                       ("GET", "/study/{thread}", None, expect(404, guest=302))],
    "training.start": [("POST", "/study/{lesson}/start", {}, expect(200, guest=302))],
    "training.beat": [("POST", "/study/beat", {}, expect(409, guest=302))],
    "training.check": [("POST", "/study/checks/{check}", {}, expect(409, guest=302))],
    "training.quiz": [("GET", "/study/{lesson}/quiz", None, LOGGED_IN),
                      ("POST", "/study/{lesson}/quiz", {}, POSTS)],
    "training.lesson_settings": [("GET", "/t/{lesson}/lesson", None, TRAINERS_PAGE),
                                 ("POST", "/t/{lesson}/lesson", {"minutes": "20", "pass_mark": "60"}, TRAINERS_POST)],
    "training.duty": [("GET", "/training/duty", None, TRAINERS_PAGE)],
    "training.duty_check": [("POST", "/training/duty/{study_session}/check", {}, TRAINERS_POST)],
    "training.mine": [("GET", "/training/mine", None, LOGGED_IN)],
    "training.unit": [("GET", "/training/unit", None, expect(403, guest=302, unit_account=200, other_unit_account=200))],
    "training.summary": [("GET", "/training/records", None, TRAINERS_PAGE)],
    "training.export": [("GET", "/training/records.csv", None, TRAINERS_PAGE)],
    "training.new_campaign": [("GET", "/b/{training}/campaigns/new", None, TRAINERS_PAGE),
                              ("GET", "/b/{board}/campaigns/new", None, expect(403, guest=302))],
    "training.campaign": [("GET", "/training/campaigns/{campaign}", None, EVERYONE)],
    "training.essay": [("GET", "/training/campaigns/{campaign}/essay", None,
                        expect(200, guest=302, member=403, security=403, audit=403, system=403,
                               unit_account=403, other_unit_account=403))],
    "training.essays": [("GET", "/training/campaigns/{campaign}/essays", None, TRAINERS_PAGE)],
    "training.review": [("POST", "/training/essays/{essay}/review", {"grade": "B"}, TRAINERS_POST)],
    # Disclosure feedback: anyone sends it while 公示中 (a guest without the CAPTCHA gets
    # the form back); only the issuing unit (unit_account) reads and answers it.
    "disclosure.feedback_form": [("GET", "/disclosures/{disclosure}/feedback", None, EVERYONE),
                                 ("POST", "/disclosures/{disclosure}/feedback",
                                  {"body": "意见 {role}", "anonymous": "y"}, expect(302, guest=200))],
    "disclosure.feedback_sent": [("GET", "/disclosures/feedback/sent", None, expect(302))],
    "disclosure.feedback_list": [("GET", "/disclosures/{disclosure}/feedback/list", None,
                                  expect(404, guest=302, unit_account=200))],
    "disclosure.feedback_answer": [("POST", "/disclosures/feedback/{feedback}/answer", {"body": "答复"},
                                    expect(404, guest=302, unit_account=302))],
    "disclosure.track": [("GET", "/disclosures/track", None, EVERYONE),
                         ("POST", "/disclosures/track", {"code": "AAAA-BBBB"}, EVERYONE)],
    # 干部谈心室 (tests/counsel check counsellors, members and hosts on real ones).
    "counsel.card": [("GET", "/counsel/{counsel}/card", None, expect(403, guest=302)),
                     ("POST", "/counsel/{counsel}/card", {"name": "我", "kind": "psychologist"},
                      expect(403, guest=302))],
    "counsel.queue": [("GET", "/counsel/{counsel}/queue", None, expect(403, guest=302))],
    "counsel.mine": [("GET", "/counsel/mine", None, LOGGED_IN)],
    "counsel.schedule": [("GET", "/counsel/{counsel}/sessions/new", None, expect(403, guest=302)),
                         ("POST", "/counsel/{counsel}/sessions/new", {"title": "做客", "host": "1"},
                          expect(403, guest=302))],
    "counsel.session": [("GET", "/counsel/sessions/{counsel_session}", None, EVERYONE),
                        ("POST", "/counsel/sessions/{counsel_session}", {"body": "问"},
                         expect(302, guest=200))],
    "counsel.answer": [("POST", "/counsel/questions/{question}/answer", {"body": "答"},
                        LETTER_STAFF)],
    "counsel.talk": [("GET", "/counsel/talks/{talk}", None, LETTER_STAFF)],
    "counsel.message": [("POST", "/counsel/talks/{talk}/messages", {"body": "在吗"}, LETTER_STAFF)],
    "counsel.handover": [("POST", "/counsel/talks/{talk}/handover", {"counsellor": "1"},
                          LETTER_STAFF)],
    "counsel.consent": [("POST", "/counsel/talks/{talk}/consent", {"accept": "y"}, LETTER_STAFF)],
    "counsel.close": [("POST", "/counsel/talks/{talk}/close", {"outcome": "helped"}, LETTER_STAFF)],
    "counsel.reveal": [("POST", "/counsel/talks/{talk}/reveal", {}, LETTER_STAFF)],
    # The care fund: the moderator is its treasurer, the unit account its owning unit's;
    # the disbursement waiting (recorded by the moderator) is shown to no one else (404)
    # until the unit account approves it; the moderator may not approve their own.
    "fund.ledger": [("GET", "/fund/{fund}/ledger", None, EVERYONE)],
    "fund.ledger_csv": [("GET", "/fund/{fund}/ledger.csv", None, EVERYONE)],
    "fund.approvals": [("GET", "/fund/{fund}/approvals", None, TREASURERS_PAGE)],
    "fund.approve": [("POST", "/fund/entries/{waiting}/approve", {},
                      expect(404, guest=302, unit_account=302, moderator=302, system=403))],
    "fund.donation": [("GET", "/fund/appeals/{appeal}/donations", None, TREASURERS_PAGE),
                      ("POST", "/fund/appeals/{appeal}/donations",
                       {"amount": "12.50", "occurred_on": "2024-01-02", "donor_kind": "anonymous",
                        "channel": "transfer", "receipt_number": "R2"}, TREASURERS_POST)],
    "fund.disbursement": [("GET", "/fund/appeals/{appeal}/disbursements", None, TREASURERS_PAGE),
                          ("POST", "/fund/appeals/{appeal}/disbursements",
                           {"amount": "1", "occurred_on": "2024-01-02", "approval_ref": "批2",
                            "purpose": "慰问", "recipient": "某村困难党员"}, TREASURERS_POST)],
    "fund.reversal": [("GET", "/fund/appeals/{appeal}/reversals", None, TREASURERS_PAGE),
                      ("POST", "/fund/appeals/{appeal}/reversals", {"entry": "{gift}", "reason": "录错"},
                       expect(403, guest=302, unit_account=302, moderator=200))],
    # 网上支部.
    "branch.branch": [("GET", "/branch/{branch}", None, EVERYONE)],
    "branch.new_thread": [("GET", "/branch/{branch}/new", None, BRANCH_READERS_PAGE),
                          ("POST", "/branch/{branch}/new", {"title": "题", "body": "文"},
                           BRANCH_READERS_POST)],
    "branch.create": [("GET", "/branch/in/{branch_board}/create", None, MANAGERS_PAGE),
                      ("POST", "/branch/in/{branch_board}/create",
                       {"name": "新支部 {role}", "unit": "{branch_unit}"}, MANAGERS_POST)],
    "branch.mine": [("GET", "/branch/mine", None, LOGGED_IN)],
    "branch.figures": [("GET", "/branch/in/{branch_board}/figures", None, MANAGERS_PAGE)],
    "branch.new_enquiry": [("GET", "/branch/{branch}/enquiries/new", None, BRANCH_READERS_PAGE),
                           # The secretaries see the form refuse them: they ask no one.
                           ("POST", "/branch/{branch}/enquiries/new", {"subject": "转接", "body": "问"},
                            expect(404, guest=302, verified=302, unit_account=200, moderator=200))],
    "branch.enquiries": [("GET", "/branch/{branch}/enquiries", None, SECRETARIES_PAGE)],
    "branch.enquiry": [("GET", "/branch/enquiries/{enquiry}", None, BRANCH_READERS_PAGE)],
    "branch.take": [("POST", "/branch/enquiries/{enquiry}/take", {}, BRANCH_READERS_POST)],
    "branch.close": [("POST", "/branch/enquiries/{enquiry}/close", {"answer": "答"},
                      BRANCH_READERS_POST)],
    "branch.schedule": [("GET", "/branch/{branch}/meetings/new", None, SECRETARIES_PAGE),
                        ("POST", "/branch/{branch}/meetings/new",
                         {"kind": "general", "title": "会", "starts_at": "2030-01-01T10:00",
                          "ends_at": "2030-01-01T12:00"}, SECRETARIES_POST)],
    "branch.meeting": [("GET", "/branch/meetings/{meeting}", None, BRANCH_READERS_PAGE)],
    "branch.sign": [("POST", "/branch/meetings/{meeting}/sign-in", {}, BRANCH_READERS_POST)],
    "branch.leave": [("POST", "/branch/meetings/{meeting}/leave", {"reason": "事假"},
                      BRANCH_READERS_POST)],
    "branch.minutes": [("POST", "/branch/meetings/{meeting}/minutes", {"minutes": "记录"},
                        SECRETARIES_POST)],
    "branch.attendance": [("GET", "/branch/{branch}/attendance", None, SECRETARIES_PAGE)],
    "branch.attendance_csv": [("GET", "/branch/{branch}/attendance.csv", None, SECRETARIES_PAGE)],
    "branch.apply": [("POST", "/branch/{branch}/apply", {"home": "毕节"}, POSTS)],
    "branch.secretary": [("POST", "/branch/{branch}/secretary", {"username": "moderator"}, POSTS)],
    "branch.members": [("GET", "/branch/{branch}/members", None, SECRETARIES_PAGE)],
    "branch.add": [("POST", "/branch/{branch}/members", {"username": "member"}, SECRETARIES_POST)],
    "branch.decide": [("POST", "/branch/members/{branch_applicant}/approve", {}, SECRETARIES_POST),
                      ("POST", "/branch/members/{branch_member}/suspend", {}, SECRETARIES_POST)],
    "branch.mobile": [("POST", "/branch/members/{branch_member}/mobile",
                       {"mobile": "y", "where": "宁波"}, SECRETARIES_POST)],
    # 工作通知 receipts (tests/receipts check signing, the table and the banner on real ones).
    # Signing redirects whoever tries (a refusal is flashed); the banner rows ask an end
    # already past, so no banner outlives its row in the worker's copy.
    "receipts.inbox": [("GET", "/receipts", None,
                        expect(403, guest=302, unit_account=200, other_unit_account=200))],
    "receipts.sign": [("POST", "/receipts/{receipt}/sign", {}, POSTS)],
    "receipts.done": [("POST", "/receipts/{receipt}/done", {"note": "已落实"}, POSTS)],
    "receipts.table": [("GET", "/notices/{notice}/receipts", None, MANAGERS_PAGE)],
    "receipts.table_csv": [("GET", "/notices/{notice}/receipts.csv", None, MANAGERS_PAGE)],
    "receipts.remind": [("POST", "/notices/{notice}/remind", {}, MANAGERS_POST)],
    "receipts.urgent": [("POST", "/notices/{news}/urgent", {"ends_at": "2000-01-01T08:00"},
                         MANAGERS_POST)],
    "receipts.end_banner": [("POST", "/notices/{news}/urgent/end", {}, MANAGERS_POST)],
    "petitions.make": [("POST", "/t/{thread}/petition", {"step-kind": "help"}, MODERATORS)],
    "petitions.step": [
        ("POST", "/petitions/{pending_petition}/transfer", {"step-unit": "1"}, MODERATORS),
        ("POST", "/petitions/{pending_petition}/merge", {"step-thread": "1"}, MODERATORS),
        ("POST", "/petitions/{pending_petition}/decline", {"step-reason": "not_petition"}, MODERATORS),
        ("POST", "/petitions/{transferred_petition}/extend", {"step-days": "2", "step-reason": "核实"},
         UNIT_ACCOUNTS_POST),
        ("POST", "/petitions/{transferred_petition}/answer", {"step-body": "官方回复"}, UNIT_ACCOUNTS_POST),
        ("POST", "/petitions/{transferred_petition}/close", {}, UNIT_ACCOUNTS_POST),
        ("POST", "/petitions/{closed_petition}/rate", {"step-rating": "fair"}, PETITIONER_POST),
        ("POST", "/petitions/{closed_petition}/confirm", {}, PETITIONER_POST),
        ("POST", "/petitions/{closed_petition}/reopen", {}, PETITIONER_POST),
    ],
}


def build_world():
    """Everything the routes act on, and one account per role."""
    people, ids = _build_forum_world()
    ids.update(build_training_world(people))
    ids.update(build_feedback_world(people))
    ids.update(build_counsel_world(people))
    ids.update(build_fund_world(people))
    ids.update(build_branch_world(people))
    ids.update(build_receipts_world(people))
    ids.update(build_petitions_world(people, ids["board"]))
    return people, ids


def _build_forum_world():
    unit, other_unit = make_unit(), make_unit()
    board, other_board, target = make_board(unit=unit), make_board(unit=other_unit), make_board()
    people = {
        "member": make_user(username="member"),
        "verified": make_user(username="verified", is_verified=True),
        "moderator": make_user(username="moderator", is_verified=True),
        "other_moderator": make_user(username="other_moderator", is_verified=True),
        "unit_account": make_user(username="unit_account", unit_id=unit.id, is_unit_account=True, is_verified=True),
        "other_unit_account": make_user(username="other_unit_account", unit_id=other_unit.id,
                                        is_unit_account=True, is_verified=True),
        "system": make_user(username="system", admin_role="system"),
        "security": make_user(username="security", admin_role="security"),
        "audit": make_user(username="audit", admin_role="audit"),
    }
    grant(people["moderator"], board, "moderator")
    grant(people["moderator"], target, "moderator")
    grant(people["other_moderator"], other_board, "moderator")
    author = make_user()
    thread = make_thread(board=board, author=author)
    post = reply(thread, author, "二楼", attachments=prepare_attachments(
        author, board, [upload(image_bytes(), "图.png")]))
    pending = upload_attachments(author, board, [upload(image_bytes(), "未发.png")])[0]
    set_avatar(author, upload(image_bytes(), "头像.png"))
    board.settings = {"premoderated": True}
    db.session.commit()
    reply(thread, make_user(), "待审核")
    board.settings = {}
    db.session.commit()
    report_post(post, people["verified"], "spam")
    ban_user(make_user(), people["security"], "发广告")
    add_word("违禁词", "block")
    request_verification(make_user(), "王五", "13900000000")
    notify([people["member"]], "reply", post=post, data={"title": thread.title})
    [(invitation, _link)] = create_invitations(people["security"], 1, 7, "")
    db.session.commit()
    box = make_board(type="mailbox", unit=unit, settings={"guests": True})
    letter, _code = write_letter(box, None, kind="consult", title="来信", body="来信内容")
    message = start_conversation(people["verified"], "member", "题", "内容")
    report_message(message, people["member"], "不当")

    def one(model):
        return db.session.execute(db.select(model.id).limit(1)).scalar_one()

    first = db.session.execute(db.select(Post.id).where(Post.thread_id == thread.id, Post.number == 1)).scalar_one()
    ids = {"board": board.slug, "category": board.category_id, "thread": thread.id, "post": post.id,
           "first": first,
           "moderator": people["moderator"].id, "target": target.id, "item": one(QueueItem),
           "report": one(Report), "ban": one(Ban), "word": one(WordRule), "role_row": one(BoardRole),
           "verification": one(Verification), "notification": one(Notification),
           "attachment": post.attachments[0].token,
           "pending_attachment": pending.token, "avatar": f"{author.id}/1-48.webp",
           "box": box.slug, "letter": letter.id, "letter_thread": letter.thread_id,
           "letter_post": db.session.execute(db.select(Post.id).where(
               Post.thread_id == letter.thread_id)).scalar_one(),
           "conversation": message.conversation_id, "message": message.id,
           "message_report": one(MessageReport), "invitation": invitation.id}
    return people, ids


def test_every_route_has_a_row(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint != "static"}
    assert endpoints == set(ROUTES)


@pytest.mark.parametrize("endpoint,method,path,form,statuses",
                         [(e, *row) for e, rows in ROUTES.items() for row in rows],
                         ids=[f"{e}-{m}" for e, rows in ROUTES.items() for m, *_ in rows])
def test_route_answers_each_role_as_expected(app, endpoint, method, path, form, statuses):
    people, ids = build_world()
    if endpoint == "admin.board_edit":
        ids = {**ids, "board": db.session.execute(db.select(db.func.min(BoardRole.board_id))).scalar_one()}
    url = path.format(**ids)
    wrong = []
    for role in ROLES:
        client = app.test_client()
        if role != "guest":
            login(client, people[role])
        data = {k: str(v).format(role=role, **ids) for k, v in (form or {}).items()}
        response = post_form(client, url, data) if method == "POST" else client.get(url)
        if response.status_code != statuses[role]:
            wrong.append(f"{role}: {response.status_code} (expected {statuses[role]})")
    assert not wrong, f"{method} {url}: " + "; ".join(wrong)


# 三员分立 (DESIGN §1): each admin acting on each admin account, itself included, through
# every account action of the control panel. The security admin's own pages answer it
# with the refusal; the other two never reach them; no account changes.
ADMINS = ("system", "security", "audit")
ACCOUNT_ACTIONS = {
    "title": ("/admin/users/{target}", {"title": "县委书记"}),
    "sign_out": ("/admin/users/{target}/sign-out", {}),
    "reset_code": ("/admin/users/{target}/reset-code", {}),
    "verify": ("/admin/verifications/{verification}/approve", {}),
    "grant": ("/admin/roles", {"username": "{name}", "role": "moderator", "board": "{board}"}),
    "revoke": ("/admin/roles/{role_row}/revoke", {}),
    "ban": ("/admin/bans", {"username": "{name}", "reason": "违规"}),
}


def _account_state(user):
    """Everything an account action could change about the account."""
    db.session.expire_all()
    user = db.session.get(User, user.id)
    rows = lambda model: db.session.execute(  # noqa: E731
        db.select(db.func.count()).select_from(model).where(model.user_id == user.id)).scalar_one()
    return (user.title, user.session_version, user.is_verified, user.ban_id, rows(BoardRole),
            rows(PasswordReset), rows(Ban), db.session.execute(db.select(Verification.status).where(
                Verification.user_id == user.id)).scalar_one())


@pytest.mark.parametrize("action", ACCOUNT_ACTIONS)
@pytest.mark.parametrize("target", ADMINS)
@pytest.mark.parametrize("actor", ADMINS)
def test_no_admin_acts_on_an_admin_account_from_the_web(app, actor, target, action):
    admins = {role: make_user(username=f"{role}_admin", admin_role=role) for role in ADMINS}
    account, board = admins[target], make_board()
    grant(account, board, "handler")  # on the server's command line
    verification = request_verification(account, "王五", "13900000000")
    ids = {"target": account.id, "name": account.username, "board": board.slug,
           "verification": verification.id, "role_row": db.session.execute(
               db.select(BoardRole.id).where(BoardRole.user_id == account.id)).scalar_one()}
    client = login(app.test_client(), admins[actor])
    before = _account_state(account)
    path, form = ACCOUNT_ACTIONS[action]
    response = post_form(client, path.format(**ids), {k: v.format(**ids) for k, v in form.items()},
                         follow_redirects=True)
    if actor == "security":
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and (
            says(page, "An administrator account is changed only on the server's command line.")
            or says(page, "An administrator cannot be banned; remove the role first.")
            or says(page, "Nobody grants a role to themselves."))
    else:
        assert response.status_code == 403
    assert _account_state(account) == before
