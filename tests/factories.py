"""Factory functions with keyword-only defaults; each writes through the services."""
import itertools

from forum.auth.services import register_user
from forum.boards.services import create_thread, reply
from forum.extensions import db
from forum.models import Board, Category, Unit

PASSWORD = "correct horse 9"
_seq = itertools.count(1)


def make_user(*, username=None, password=PASSWORD, **fields):
    return register_user(username or f"user{next(_seq)}", password, **fields)


def make_unit(*, name=None, kind="镇", slug=None):
    n = next(_seq)
    unit = Unit(name=name or f"测试镇{n}", kind=kind, slug=slug or f"unit{n}")
    db.session.add(unit)
    db.session.commit()
    return unit


def make_category(*, name=None, position=0):
    category = Category(name=name or f"分类{next(_seq)}", position=position)
    db.session.add(category)
    db.session.commit()
    return category


def make_board(*, type="discussion", slug=None, name=None, category=None, unit=None,
               settings=None, position=0):
    n = next(_seq)
    board = Board(slug=slug or f"board{n}", name=name or f"版块{n}", type=type,
                  description=f"版块{n}的说明", category_id=(category or make_category()).id,
                  unit_id=unit.id if unit else None, settings=settings or {}, position=position)
    db.session.add(board)
    db.session.commit()
    return board


def make_thread(*, board=None, author=None, title="基层党建工作推进会", body="会议内容", replies=0):
    board = board or make_board()
    author = author or make_user()
    thread = create_thread(board, author, title, body)
    for n in range(replies):
        reply(thread, author, f"第{n + 2}楼的回复")
    return thread
