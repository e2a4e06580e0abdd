"""The file a unit sends with 已落实: kept by the receipt, read by that unit and by those
who read who signed (the issuer, the system admin), 404 for anyone else; checked as any
upload is; never pruned as a forgotten upload."""
import io
from datetime import timedelta

import pytest

from forum.attachments.services import prune_pending
from forum.extensions import db
from forum.models import Attachment
from forum.receipts.models import ReceiptStatus
from tests.attachments import samples
from tests.checks import says
from tests.conftest import csrf_token, login
from tests.factories import make_user
from tests.receipts.helpers import receipt_of

pytestmark = pytest.mark.usefixtures("empty_upload_folder")


def carried_out(client, receipt, files, note="已组织全镇党员学习，附签到表。"):
    data = {"csrf_token": csrf_token(client), "note": note,
            "files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post(f"/receipts/{receipt.id}/done", data=data, follow_redirects=True,
                       content_type="multipart/form-data")


def test_a_file_sent_with_carried_out_is_read_by_the_unit_and_the_issuer_only(
        app, make_notice, township_accounts, issuer, system_admin, now):
    issue = make_notice(mode="done")
    account, other_unit = township_accounts[0], township_accounts[1]
    carried_out(login(app.test_client(), account), receipt_of(issue, account.unit),
                [("签到表.pdf", samples.PDF)])
    receipt = receipt_of(issue, account.unit)
    assert receipt.status == ReceiptStatus.DONE and receipt.file.filename == "签到表.pdf"
    url = f"/a/{receipt.file.token}"
    for reader in (account, issuer, system_admin):
        assert login(app.test_client(), reader).get(url).status_code == 200, reader.username
    for stranger in (other_unit, make_user(username="netizen")):
        assert login(app.test_client(), stranger).get(url).status_code == 404, stranger.username
    assert app.test_client().get(url).status_code == 404
    table = login(app.test_client(), issuer).get(f"/notices/{issue.thread_id}/receipts").get_data(as_text=True)
    assert url in table and "签到表.pdf" in table
    sheet = login(app.test_client(), issuer).get(f"/notices/{issue.thread_id}/receipts.csv")
    assert "签到表.pdf" in sheet.get_data(as_text=True)
    own = login(app.test_client(), account).get(f"/t/{issue.thread_id}").get_data(as_text=True)
    assert url in own


def test_a_bad_file_or_two_files_change_nothing(app, make_notice, township_accounts, now):
    issue = make_notice(mode="done")
    account = township_accounts[0]
    client = login(app.test_client(), account)
    receipt = receipt_of(issue, account.unit)
    not_allowed = carried_out(client, receipt, [("病毒.exe", b"MZ\x90\x00" * 64)])
    assert says(not_allowed.get_data(as_text=True),
                "Only images (JPEG, PNG, GIF, WebP), PDF, Word, Excel, PowerPoint, MP3 "
                "and MP4 files can be attached; this file is none of them.")
    two = carried_out(client, receipt, [("一.pdf", samples.PDF), ("二.pdf", samples.PDF)])
    assert says(two.get_data(as_text=True), "Attach at most %(n)d files at a time.", n=1)
    assert receipt_of(issue, account.unit).status == ReceiptStatus.UNREAD
    assert db.session.execute(db.select(db.func.count(Attachment.id))).scalar_one() == 0


def test_a_receipts_file_is_never_pruned_as_a_forgotten_upload(app, make_notice, township_accounts, now):
    issue = make_notice(mode="done")
    account = township_accounts[0]
    carried_out(login(app.test_client(), account), receipt_of(issue, account.unit),
                [("签到表.pdf", samples.PDF)])
    file = receipt_of(issue, account.unit).file
    file.created_at -= timedelta(days=30)
    db.session.commit()
    prune_pending(days=1)
    assert receipt_of(issue, account.unit).file is not None


def test_the_unit_cannot_put_its_receipts_file_into_a_post(app, make_notice, township_accounts, now):
    from forum.attachments.services import pending_attachments

    issue = make_notice(mode="done")
    account = township_accounts[0]
    carried_out(login(app.test_client(), account), receipt_of(issue, account.unit),
                [("签到表.pdf", samples.PDF)])
    assert pending_attachments(account, [receipt_of(issue, account.unit).file.token]) == []
