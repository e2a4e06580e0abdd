"""`flask forum bench-data`: fill an instance with realistic Chinese data for benchmarks.

The whole data set is planned in memory first (users, threads, every post's time,
author and floor), so that ids, counters and last-post pointers are known before a
single row is written; then the rows go in with executemany in large transactions,
users and threads first, posts in id order. Columns not named here (added by later
migrations) get their model defaults, or NULL. Post ids follow time across the whole
site, as they do in a live forum, so a long thread's posts are spread over the file
and a board's last post is its newest one.

Counters are written as `forum recount` would compute them (every row published);
bench/check_counters.py proves it by running recount and comparing.

Randomness comes from one seeded generator: the same arguments give the same data.
"""
import bisect
import itertools
import random
import time
from datetime import datetime, timedelta

import click
from flask import current_app
from sqlalchemy import bindparam, func, insert, select, update
from werkzeug.security import generate_password_hash

from forum.auth.names import skeleton
from forum.boards.recount import recount_members
from forum.boards.registry import get_type
from forum.extensions import db
from forum.markup import render
from forum.progress import progress
from forum.service import commit
from forum.models import Board, BoardTypeKey, ContentStatus, Post, Thread, Unit, User, UserStatus

PASSWORD = "benchpass123"
SEED = 2008
BATCH = 10_000
BIG_BOARD = "chengguanzhen"     # 城关镇: the board with 600+ pages
BIG_BOARD_THREADS = 12_500      # at least 600 pages of 20 unpinned threads
LONG_THREAD_BOARD = "integrity"  # 廉政阵地
NOTICE_SHARE = 0.004            # share of threads that are notices of their owning unit
FIRST_BODIES = 1_500            # distinct opening posts, rendered once each
REPLY_BODIES = 2_500            # distinct replies, rendered once each

# The forum's busy years: the 学习实践科学发展观 campaign to the 建党90周年.
START = datetime(2008, 6, 1, 8, 0, 0)
SPAN = 3 * 365 * 86400          # seconds: threads start within three years


def generate(*, posts, users, long_thread):
    """Fill the current (initialised, empty) instance; yield progress lines."""
    started = time.perf_counter()
    if posts < 1 or users < 10 or long_thread < 1 or long_thread > posts:
        raise click.ClickException("need posts >= 1, users >= 10 and 1 <= long-thread <= posts")
    session = db.session
    if session.execute(select(Thread.id).limit(1)).first() is not None:
        raise click.ClickException(
            "this instance already has threads: bench-data only fills an empty instance "
            "(make a new one with FORUM_INSTANCE=/tmp/somewhere flask --app wsgi forum init)")
    boards = session.execute(select(Board).order_by(Board.id)).scalars().all()
    units = session.execute(select(Unit).order_by(Unit.position)).scalars().all()
    by_slug = {b.slug: b for b in boards}
    for slug in (BIG_BOARD, LONG_THREAD_BOARD):
        if slug not in by_slug or by_slug[slug].type != BoardTypeKey.DISCUSSION:
            raise click.ClickException(f"no discussion board '{slug}': run `forum init` first")
    existing_keys = set(session.execute(select(User.username_key)).scalars())
    first_user_id = (session.execute(select(func.max(User.id))).scalar() or 0) + 1
    session.close()

    rng = random.Random(SEED)
    words = _Words(rng, units)
    method = current_app.config.get("PASSWORD_HASH_METHOD")
    password_hash = (generate_password_hash(PASSWORD, method=method) if method
                     else generate_password_hash(PASSWORD))
    yield f"bench-data: {posts:,} posts, {users:,} users, long thread {long_thread:,} posts"
    yield f"every generated account has the password: {PASSWORD}"

    # ---- plan -------------------------------------------------------------------------
    t0 = time.perf_counter()
    people = _plan_users(rng, words, users, units, first_user_id, existing_keys, password_hash)
    threads = _plan_threads(rng, words, boards, posts, long_thread)
    plan_posts = _plan_posts(rng, threads, people)
    yield (f"planned {len(people.rows):,} users, {len(threads):,} threads, "
           f"{len(plan_posts):,} posts in {time.perf_counter() - t0:.1f}s")

    t0 = time.perf_counter()
    bodies = _Bodies(rng, words)
    yield (f"rendered {len(bodies.first) + len(bodies.reply):,} distinct bodies "
           f"in {time.perf_counter() - t0:.1f}s")

    # Ids in time order; counters from the plan (what `forum recount` computes).
    first_post_id = 1
    first_thread_id = 1
    threads.sort(key=lambda t: t.start)
    for offset, thread in enumerate(threads):
        thread.id = first_thread_id + offset
    plan_posts.sort(key=lambda p: p[0])  # stable: a thread's floors keep their order
    board_stats = {b.id: [0, 0, None] for b in boards}  # threads, posts, last post id
    user_posts = {}
    user_last = {}
    public = {b.id for b in boards if get_type(b.type).counted}
    for offset, (at, thread, number, author) in enumerate(plan_posts):
        post_id = first_post_id + offset
        if number == thread.length:
            thread.last_post_id = post_id
        if thread.board.id in public:  # what a profile's post count counts
            user_posts[author] = user_posts.get(author, 0) + 1
        user_last[author] = at
    for thread in threads:
        stats = board_stats[thread.board.id]
        stats[0] += 1
        stats[1] += thread.length
        if stats[2] is None or thread.last_post_id > stats[2]:
            stats[2] = thread.last_post_id

    # ---- write ------------------------------------------------------------------------
    engine = db.engine
    dialect = engine.dialect.name
    with engine.connect() as conn:
        if dialect == "sqlite":
            _sqlite_pragmas(conn, loading=True)
        try:
            t0 = time.perf_counter()
            rows = people.rows
            flood_column = "last_posted_at" in User.__table__.c
            for row in rows:
                row["post_count"] = user_posts.get(row["id"], 0)
                if flood_column:
                    last = user_last.get(row["id"])
                    row["last_posted_at"] = None if last is None else _when(last)
            for chunk in _chunks(rows, BATCH):
                conn.execute(insert(User.__table__), chunk)
                conn.commit()
            yield f"users: {len(rows):,} in {time.perf_counter() - t0:.1f}s"

            t0 = time.perf_counter()
            for chunk in _chunks(threads, BATCH):
                conn.execute(insert(Thread.__table__), [_thread_row(t) for t in chunk])
                conn.commit()
            yield f"threads: {len(threads):,} in {time.perf_counter() - t0:.1f}s"

            total = len(plan_posts)
            post_table = Post.__table__
            with progress("posts", total, "posts") as advance:
                for start in range(0, total, BATCH):
                    chunk = plan_posts[start:start + BATCH]
                    conn.execute(insert(post_table), [
                        _post_row(first_post_id + start + i, p, bodies, rng)
                        for i, p in enumerate(chunk)])
                    conn.commit()
                    advance(len(chunk))

            conn.execute(
                update(Board.__table__).where(Board.__table__.c.id == bindparam("bid"))
                .values(thread_count=bindparam("tc"), post_count=bindparam("pc"),
                        last_post_id=bindparam("lp")),
                [{"bid": bid, "tc": tc, "pc": pc, "lp": lp}
                 for bid, (tc, pc, lp) in board_stats.items()])
            conn.commit()
            yield "board counters set"

            t0 = time.perf_counter()
            if dialect == "postgresql":
                for table in ("user", "thread", "post"):
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                        f"(SELECT max(id) FROM \"{table}\"))")
                conn.commit()
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
            yield f"ANALYZE in {time.perf_counter() - t0:.1f}s"
        finally:
            if dialect == "sqlite":
                conn.rollback()
                _sqlite_pragmas(conn, loading=False)
    recount_members()
    commit()
    big = board_stats[by_slug[BIG_BOARD].id][0]
    long_id = next(t.id for t in threads if t.is_long)
    yield (f"done in {time.perf_counter() - started:.0f}s: {BIG_BOARD} has {big:,} threads; "
           f"long thread id {long_id} in {LONG_THREAD_BOARD}")


# ---- SQLite loading mode -------------------------------------------------------------

def _sqlite_pragmas(conn, loading):
    """During the load: no fsync and a big page cache, on this connection only."""
    conn.commit()  # pragmas below must run outside a transaction
    if loading:
        for pragma in ("synchronous=OFF", "cache_size=-524288", "temp_store=MEMORY"):
            conn.exec_driver_sql(f"PRAGMA {pragma}")
    else:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        for pragma in ("synchronous=FULL", "cache_size=-2000", "temp_store=DEFAULT"):
            conn.exec_driver_sql(f"PRAGMA {pragma}")
    conn.commit()


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# ---- the plan ------------------------------------------------------------------------

class _People:
    """Generated accounts, sorted by registration time (ids follow it)."""

    def __init__(self):
        self.rows = []
        self.times = []          # seconds after START, sorted, parallel to rows
        self.ids = []
        self.unit_accounts = {}  # unit id -> user id

    def pick(self, rng, at):
        """An author registered before `at`; early members post more (a long tail)."""
        known = bisect.bisect_right(self.times, at)
        if known == 0:
            known = 1
        return self.ids[int(known * rng.random() ** 1.8)]


def _plan_users(rng, words, count, units, first_id, taken, password_hash):
    people = _People()
    specs = []
    # One department account per unit, there from the day the forum opened.
    for unit in units[:max(0, min(len(units), count // 10))]:
        name = unit.name[:20]
        if User.key_for(name) in taken:
            continue
        taken.add(User.key_for(name))
        specs.append((-rng.uniform(30, 60) * 86400, name, unit.id, True))
    while len(specs) < count:
        roll = rng.random()
        if roll < 0.08:
            at = -rng.uniform(0, 180) * 86400           # registered before June 2008
        else:
            at = SPAN * (rng.random() ** 1.3)           # more joined early on
        name = words.username(taken)
        unit_id = rng.choice(units).id if rng.random() < 0.4 else None
        specs.append((at, name, unit_id, False))
    specs.sort(key=lambda s: s[0])
    for offset, (at, name, unit_id, unit_account) in enumerate(specs):
        uid = first_id + offset
        created = START + timedelta(seconds=at)
        last_seen = created + timedelta(seconds=rng.uniform(0, (SPAN - at) if at < SPAN else 1))
        display = None
        if not unit_account and rng.random() < 0.2:
            display = words.real_name()
        people.rows.append({
            "id": uid, "username": name, "username_key": User.key_for(name),
            "username_skeleton": skeleton(name),
            "display_name": display, "password_hash": password_hash, "unit_id": unit_id,
            "admin_role": None, "status": UserStatus.ACTIVE,
            "is_verified": unit_account or rng.random() < 0.3,
            "is_unit_account": unit_account, "session_version": 1,
            "created_at": created, "last_seen_at": last_seen, "post_count": 0,
        })
        people.times.append(at)
        people.ids.append(uid)
        if unit_account:
            people.unit_accounts[unit_id] = uid
    return people


class _Thread:
    __slots__ = ("id", "board", "title", "start", "length", "author", "is_pinned",
                 "is_locked", "is_long", "last_post_id", "last_at", "views", "notice")

    def __init__(self, board, title, start, length, notice=False):
        self.id = None
        self.board = board
        self.title = title
        self.start = start
        self.length = length
        self.author = None
        self.is_pinned = False
        self.is_locked = False
        self.is_long = False
        self.last_post_id = None
        self.last_at = start
        self.views = 0
        self.notice = notice


def _thread_length(rng):
    """Posts in a thread: mostly 1-30 (many unanswered), a few long discussions."""
    roll = rng.random()
    if roll < 0.18:
        return 1
    if roll < 0.975:
        return min(30, 2 + int(rng.expovariate(1 / 5.5)))
    return rng.randint(31, 200)


def _plan_threads(rng, words, boards, total_posts, long_thread):
    discussion = [b for b in boards if b.type == BoardTypeKey.DISCUSSION]
    notices = [b for b in boards if b.type == BoardTypeKey.NOTICE and b.unit_id is not None]
    budget = total_posts - long_thread
    lengths = []
    while budget > 0:
        n = min(_thread_length(rng), budget)
        lengths.append(n)
        budget -= n
    count = len(lengths)

    big = next(b for b in discussion if b.slug == BIG_BOARD)
    # After the big board, the county-wide boards are the busiest; the township and
    # department boards follow in a random order down a long tail (Zipf).
    specials = ("integrity", "papers", "models", "talent")
    others = [b for b in discussion if b is not big and b.slug not in specials]
    rng.shuffle(others)
    others = [b for s in specials for b in discussion if b.slug == s] + others
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(others))]
    big_share = min(0.5, max(0.14, BIG_BOARD_THREADS / max(count, 1)))
    notice_share = NOTICE_SHARE if notices else 0.0
    scale = (1 - big_share - notice_share) / sum(weights)
    choices = [big] + others + notices
    cum = list(itertools.accumulate(
        [big_share] + [w * scale for w in weights] + [notice_share / max(1, len(notices))] * len(notices)))

    threads = []
    for n in lengths:
        board = rng.choices(choices, cum_weights=cum)[0]
        start = rng.uniform(0, SPAN - 3600)
        is_notice = board.type == BoardTypeKey.NOTICE
        if is_notice:
            n = min(n, 8)
        threads.append(_Thread(board, words.title(board, start, notice=is_notice), start, n,
                               is_notice))
    # Notices shortened above: give their posts back to the big board as new threads.
    missing = total_posts - long_thread - sum(t.length for t in threads)
    while missing > 0:
        n = min(_thread_length(rng), missing)
        start = rng.uniform(0, SPAN - 3600)
        threads.append(_Thread(big, words.title(big, start), start, n))
        missing -= n

    integrity = next(b for b in discussion if b.slug == LONG_THREAD_BOARD)
    long = _Thread(integrity, "【廉政大家谈】学习实践科学发展观，争做廉洁奉公好党员——"
                   "欢迎全县党员干部跟帖谈体会", 86400.0, long_thread)
    long.is_long = True
    threads.append(long)

    # A few board rules and guides stay on top of busy boards.
    per_board = {}
    for thread in threads:
        per_board.setdefault(thread.board.id, []).append(thread)
    for board_threads in per_board.values():
        if len(board_threads) < 40:
            continue
        board_threads.sort(key=lambda t: t.start)
        for thread in board_threads[:1 if len(board_threads) < 1000 else 3]:
            if thread.is_long:
                continue
            thread.is_pinned = True
            thread.title = words.pinned_title(thread.board)
    for thread in threads:
        if not thread.is_pinned and rng.random() < 0.01:
            thread.is_locked = True
    return threads


def _plan_posts(rng, threads, people):
    """(time, thread, floor, author) for every post; times rise within each thread."""
    out = []
    append = out.append
    for thread in threads:
        n = thread.length
        start = thread.start
        if thread.notice:
            author = people.unit_accounts.get(thread.board.unit_id) or people.pick(rng, start)
        else:
            author = people.pick(rng, start)
        thread.author = author
        if thread.is_long:
            times = sorted(rng.uniform(start + 60, SPAN) for _ in range(n - 1))
        else:
            # Replies come in minutes, hours or days; a thread may last for months.
            mean = rng.choice((900.0, 3 * 3600.0, 86400.0, 4 * 86400.0))
            times, at = [], start
            for _ in range(n - 1):
                at += 30 + rng.expovariate(1 / mean)
                times.append(at)
            if times and times[-1] > SPAN:
                factor = (SPAN - start) / (times[-1] - start)
                times = [start + (t - start) * factor for t in times]
        append((start, thread, 1, author))
        for number, at in enumerate(times, start=2):
            append((at, thread, number, people.pick(rng, at)))
        if times:
            thread.last_at = times[-1]
        thread.views = n * rng.randint(5, 40) + rng.randint(0, 200)
    return out


def _when(seconds):
    return START + timedelta(microseconds=round(seconds * 1e6))


def _thread_row(t):
    return {
        "id": t.id, "board_id": t.board.id, "author_id": t.author, "title": t.title,
        "status": ContentStatus.PUBLISHED, "is_pinned": t.is_pinned,
        "pin_scope": "board" if t.is_pinned else None, "is_locked": t.is_locked,
        "reply_count": t.length - 1, "view_count": t.views, "last_number": t.length,
        "last_post_id": t.last_post_id, "last_post_at": _when(t.last_at),
        "created_at": _when(t.start),
    }


def _post_row(post_id, plan, bodies, rng):
    at, thread, number, author = plan
    body, html = bodies.pick(rng, number)
    return {
        "id": post_id, "thread_id": thread.id, "author_id": author, "number": number,
        "body": body, "body_html": html, "status": ContentStatus.PUBLISHED,
        "created_at": _when(at),
        "edited_at": None, "edited_by_id": None,
    }


# ---- text ----------------------------------------------------------------------------

class _Bodies:
    """A pool of distinct Markdown bodies, each rendered once with forum.markup.render."""

    def __init__(self, rng, words):
        self.first = [self._pair(words.opening()) for _ in range(FIRST_BODIES)]
        self.reply = [self._pair(words.reply()) for _ in range(REPLY_BODIES)]

    @staticmethod
    def _pair(body):
        return body, str(render(body))

    def pick(self, rng, number):
        pool = self.first if number == 1 else self.reply
        return pool[int(rng.random() * len(pool))]


SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜"
            "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎"
            "贺顾毛郝龚邵万钱严覃武戴莫孔向汤安禄穆聂")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞红萍建国文辉力春梅林云海燕波"
         "鹏宇浩亮俊峰琴丹志忠德兴福贵荣发学成光清友祥昌永顺松开才义仁礼智信江河山川雪冬秋")
PINYIN = ("zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo "
          "zheng liang xie song tang han feng deng long an mu wei jun ming hua ping gang qiang "
          "yong jie tao fei hong xia lan mei yun hai bo peng yu hao liang feng zhi de xing fu "
          "gui rong cheng guang qing jiang shan chuan xue dong qiu").split()
NICK_HEADS = ("织金", "乌江", "山里人", "红色", "党建", "基层", "老支书", "村官", "洞乡", "毕节",
              "贵州", "小草", "春风", "先锋", "群众", "扶贫", "远教", "组工", "青山", "绿水")
NICK_TAILS = ("之声", "小兵", "战士", "人", "新兵", "老兵", "园丁", "干部", "志愿者", "情怀",
              "之光", "在线", "网友", "学习者", "追梦人", "信使", "尖兵", "向导")
VILLAGES = ("大寨", "新寨", "坪寨", "沙坝", "鸡场", "龙潭", "白岩", "黑土", "马家", "杨柳",
            "大坪", "中寨", "石板", "水井", "官田", "红岩", "团结", "新华", "光明", "文化",
            "平桥", "箐口", "岩脚", "凉水井", "三岔河", "桃子林", "干河", "坝子", "高峰", "青杠林")
ROLES = ("村支书", "村主任", "大学生村官", "驻村干部", "乡镇党委书记", "组织委员", "宣传委员",
         "纪检委员", "老党员", "入党积极分子", "预备党员", "流动党员", "党建指导员", "远教管理员")
ACTIVITIES = ("学习实践科学发展观活动", "创先争优活动", "“三会一课”", "组织生活会", "民主生活会",
              "党员先锋工程", "农村党员干部现代远程教育", "村支两委换届选举", "党风廉政建设责任制",
              "基层组织建设年", "“四议两公开”工作法", "党员设岗定责", "流动党员管理",
              "发展党员工作", "党务公开", "村务公开", "为民办实事", "干部驻村帮扶",
              "党员冬春训", "“双培双带”", "大学生村官培养", "廉政文化进农村", "党员承诺践诺",
              "抗凝冻保民生", "抗旱救灾", "建党90周年系列纪念活动", "新农村建设", "扶贫开发",
              "石漠化综合治理", "烤烟生产", "煤矿安全生产大检查", "“一事一议”", "党费收缴",
              "特殊党费交纳")
TOPICS = ("基层党建", "农村党组织建设", "党员队伍建设", "干部作风建设", "党风廉政建设",
          "组织生活制度", "党员教育管理", "村级组织活动场所建设", "基层干部待遇", "后进党组织整顿",
          "非公企业党建", "社区党建", "机关党建", "学校党建", "党内民主", "干部选拔任用",
          "人才工作", "群众工作", "信访维稳", "农民增收", "产业结构调整", "乡村道路建设",
          "农村饮水安全", "留守儿童关爱", "计划生育", "新型农村合作医疗", "义务教育")
MEETINGS = ("专题民主生活会", "党委中心组学习会", "党建工作推进会", "组织生活会",
            "党员大会", "支部委员会", "党风廉政建设工作会", "远程教育工作培训会",
            "村支两委换届选举工作会", "创先争优活动动员大会", "学习实践活动总结大会")
TAGS = ("原创", "转载", "讨论", "经验交流", "求助", "心得体会", "工作动态", "调研报告", "建议")
ASCII_BITS = ("PPT", "Excel表格", "OA系统", "QQ群", "U盘", "DV", "3G网络", "E-mail", "MP4",
              "CCTV-7", "GDP", "VIP", "Word文档", "BBS", "IP地址", "DVD光盘", "FTP")
SITES = ("http://www.zhijin.gov.cn/", "http://www.gzdj.gov.cn/", "http://www.12371.cn/",
         "http://cpc.people.com.cn/", "http://www.bijie.gov.cn/")
OPENING_SENTENCES = (
    "为深入贯彻落实党的十七大精神，{town}党委把{activity}作为当前的一项重要政治任务来抓。",
    "今年以来，我们按照县委组织部的统一部署，扎实开展{activity}，取得了阶段性成效。",
    "全镇共有基层党组织{n}个，党员{n2}名，其中农村党员{n3}名、流动党员{n4}名。",
    "通过召开{meeting}，广泛征求意见建议{n}条，梳理出突出问题{small}个。",
    "{village}村党支部坚持每月{small}日为党员活动日，雷打不动。",
    "在{topic}方面，我们还存在认识不到位、措施不具体、落实不经常等问题。",
    "一是加强组织领导，成立了以党委书记为组长的领导小组；",
    "二是创新工作方法，把{activity}与{topic}结合起来；",
    "三是健全长效机制，制定了{small}项制度，做到用制度管人、按制度办事。",
    "{year}年，全县共发展党员{n}名，其中35岁以下的占{pct}%，高中以上文化程度的占{pct2}%。",
    "{role}是农村工作的带头人，{role2}更是连接党和群众的桥梁纽带。",
    "远程教育站点每周播放{small}次，累计培训党员群众{n}人次，大家反映效果很好。",
    "{dept}组织党员干部到{town}{village}村开展结对帮扶，共解决实际困难{small}件。",
    "我们利用{ascii}把学习资料发给每个支部，方便大家随时学习。",
    "有关文件和表格可在 {site} 下载，也可以加入我们的QQ群{qq}交流。",
    "实践证明，只有把党员群众的积极性调动起来，{topic}才能真正落到实处。",
    "下一步，我们将继续围绕“{goal}”的目标，抓好{topic}各项工作。",
    "凝冻灾害期间，{town}{n}名党员冲在一线，组织群众抢修电力、保障供水。",
    "截至{month}月底，全县{pct}%的村级组织活动场所已经建成投入使用。",
    "{town}地处{county}{direction}部，辖{small}个行政村，总人口{n5}人。",
    "“三会一课”制度是党的组织生活的基本制度，必须长期坚持、认真落实。",
    "村级组织活动场所是党员学习、议事的主要阵地，要管好用好。",
    "组织生活会上，大家敞开思想、坦诚相见，开展了批评与自我批评，红红脸、出出汗。",
    "发展党员要坚持标准、保证质量、改善结构、慎重发展的方针，严把“入口关”。",
    "{dept}坚持“一岗双责”，层层签订党风廉政建设责任书{n}份。",
)
GOALS = ("党员干部受教育、科学发展上水平、人民群众得实惠", "建设服务型党组织",
         "五个好村党组织", "五好党员", "守信念、讲奉献、有本领、重品行",
         "推动科学发展、促进社会和谐、服务人民群众、加强基层组织")
HEADINGS = ("一、提高思想认识，加强组织领导", "二、突出工作重点，狠抓任务落实",
            "三、创新方式方法，增强工作实效", "四、存在的问题", "五、下一步打算",
            "主要做法", "取得的成效", "几点体会", "存在的困难", "意见和建议")
REPLY_SHORT = ("顶！", "支持楼主！", "学习了，谢谢分享。", "好文，收藏了。", "mark一下，回头细看。",
               "写得很实在，基层工作就是要这样。", "赞一个！", "沙发！", "路过，学习。",
               "说得好，**三会一课**一定要落到实处。", "同意楼上的观点。", "楼主辛苦了！",
               "顶起来，让更多人看到。", "向基层的同志们致敬！", "有道理，值得深思。",
               "已转发到我们支部QQ群。", "好经验，值得推广。", "期待下文。", "+1", "同感。")
REPLY_SENTENCES = (
    "{town}的做法值得我们借鉴，特别是{activity}这一块。",
    "我们{village}村也是这样做的，效果不错，党员参与的积极性高了。",
    "请问{activity}的材料什么时候上报？要不要附{ascii}？",
    "同意{small}楼的观点，{topic}关键还是在人。",
    "作为一名{role}，我深有体会：{topic}不能只停留在纸面上。",
    "建议县里多组织{meeting}，让各乡镇互相学习交流。",
    "现在村里年轻人大多外出打工，流动党员管理确实是个难题。",
    "远程教育的片子很实用，{town}的群众都爱看种养殖技术这一类。",
    "楼主说的问题我们那里也存在，希望上级能重视。",
    "基层干部待遇低、任务重，希望组织上多关心。",
    "今年我们支部发展了{small}名党员，都是致富能手。",
    "写得好！{year}年我也参加过类似的活动，收获很大。",
    "联系电话已经更新了，有问题可以发E-mail给我们。",
    "这篇文章可以推荐到县委组织部网站 {site} 发表。",
)


class _Words:
    """Phrase lists and the small generators built on them."""

    def __init__(self, rng, units):
        self.rng = rng
        self.towns = [u.name for u in units if u.is_township] or ["城关镇"]
        self.depts = [u.name for u in units if not u.is_township] or ["县委组织部"]

    # people
    def real_name(self):
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def username(self, taken):
        r = self.rng
        for attempt in itertools.count():
            roll = r.random()
            if roll < 0.4:
                name = self.real_name()
            elif roll < 0.65:
                name = "".join(r.choice(PINYIN) for _ in range(r.choice((2, 2, 3))))
                if r.random() < 0.6:
                    name += str(r.choice((r.randint(60, 99), r.randint(1960, 1995), r.randint(1, 999))))
            elif roll < 0.85:
                name = r.choice(NICK_HEADS) + r.choice(NICK_TAILS)
            elif roll < 0.95:
                town = r.choice(self.towns)
                name = (town if len(town) <= 3 else town[:2]) + r.choice(("小", "老", "阿")) + r.choice(SURNAMES)
            else:
                name = "dj_" + r.choice(PINYIN) + str(r.randint(1, 9999))
            if attempt >= 2 or r.random() < 0.15:
                name += str(r.randint(1, 9999))
            name = name[:20]
            key = User.key_for(name)
            if key not in taken:
                taken.add(key)
                return name

    # titles
    def _fill(self, template):
        r = self.rng
        n = r.randint(20, 900)
        return template.format(
            town=r.choice(self.towns), dept=r.choice(self.depts), village=r.choice(VILLAGES),
            activity=r.choice(ACTIVITIES), topic=r.choice(TOPICS), meeting=r.choice(MEETINGS),
            role=r.choice(ROLES), role2=r.choice(ROLES), ascii=r.choice(ASCII_BITS),
            site=r.choice(SITES) + f"{r.choice(('news', 'djgz', 'llxx', 'tzgg'))}/{r.randint(100, 9999)}.html",
            qq=r.randint(10_000_000, 99_999_999), year=r.randint(2006, 2008),
            month=r.randint(1, 12), n=n, n2=n * r.randint(8, 20), n3=n * r.randint(5, 12),
            n4=r.randint(10, 300), n5=r.randint(15_000, 60_000), small=r.randint(2, 12),
            pct=r.randint(35, 95), pct2=r.randint(20, 80), goal=r.choice(GOALS),
            county="织金县", direction=r.choice("东南西北"),
        )

    def title(self, board, start, notice=False):
        """A thread title; a year in it is the year the thread was started."""
        r = self.rng
        if notice:
            template = r.choice((
                "关于开展{activity}的通知", "关于召开{meeting}的通知",
                "关于报送{year}年{topic}材料的通知", "关于做好{activity}有关工作的通知",
                "{year}年{topic}工作要点", "关于表彰{year}年度先进基层党组织的决定"))
        else:
            template = r.choice((
                "{town}召开{year}年{meeting}", "{dept}扎实开展{activity}", "浅谈新形势下的{topic}",
                "【{tag}】我对{topic}的几点思考", "如何做好{topic}工作？", "{town}{village}村党支部的{activity}",
                "【{tag}】{activity}心得体会", "关于加强{topic}的调研报告", "{village}村{role}的一天",
                "请教：{activity}有哪些好的做法？", "{town}：{activity}见实效", "【{tag}】{dept}{year}年{topic}工作总结",
                "{role}谈{topic}", "从{village}村的变化看{activity}", "{town}党员冒雪抢修线路（多图）",
                "{year}年{town}发展党员{small}名，{pct}%是致富能手", "{dept}召开{meeting}",
                "说说我们村的“三会一课”", "大家来谈谈{topic}：问题与对策"))
        template = (template.replace("{tag}", r.choice(TAGS))
                    .replace("{year}", str(_when(start).year)))
        return self._fill(template)[:80]

    def pinned_title(self, board):
        return self.rng.choice((
            f"【置顶】{board.name}版块发帖须知", f"【置顶】欢迎来到{board.name}，请先阅读版规",
            f"【公告】{board.name}版主招募及实名认证说明"))[:80]

    # bodies
    def _paragraph(self, sentences, low, high):
        r = self.rng
        text = "".join(self._fill(r.choice(sentences)) for _ in range(r.randint(low, high)))
        if r.random() < 0.3:
            bold = r.choice(ACTIVITIES)
            text = text.replace(bold, f"**{bold}**", 1)
        return text

    def opening(self):
        r = self.rng
        parts = []
        if r.random() < 0.3:
            parts.append("各位党员同志：")
        for index in range(r.randint(1, 6)):
            style = r.random()
            if style < 0.25 and index > 0:
                parts.append(f"**{r.choice(HEADINGS)}**\n" + self._paragraph(OPENING_SENTENCES, 1, 3))
            elif style < 0.35:
                items = r.sample(ACTIVITIES, r.randint(3, 5))
                parts.append("\n".join(f"{i}. 认真抓好{item}，责任到人，"
                                       f"{r.choice(('按月通报', '限期完成', '纳入年终考核'))}；"
                                       for i, item in enumerate(items, 1)))
            elif style < 0.42:
                parts.append("\n".join(f"- {self._fill(r.choice(OPENING_SENTENCES))}"
                                       for _ in range(r.randint(2, 4))))
            elif style < 0.48:
                parts.append("> " + self._fill(r.choice(OPENING_SENTENCES)))
            elif style < 0.51:
                parts.append(f"### {r.choice(HEADINGS)}")
            elif style < 0.54:
                rows = "\n".join(f"| {t} | {r.randint(3, 90)} | {r.randint(50, 3000)} |"
                                 for t in r.sample(self.towns, 3))
                parts.append(f"| 乡镇 | 支部数 | 党员数 |\n|---|---|---|\n{rows}")
            else:
                parts.append(self._paragraph(OPENING_SENTENCES, 2, 5))
        if r.random() < 0.25:
            parts.append(f"（{r.choice(self.depts)} 供稿）")
        return "\n\n".join(parts)

    def reply(self):
        r = self.rng
        roll = r.random()
        if roll < 0.35:
            return r.choice(REPLY_SHORT)
        if roll < 0.85:
            return self._paragraph(REPLY_SENTENCES, 1, 3)
        quoted = self._fill(r.choice(OPENING_SENTENCES))
        name = self.real_name()
        body = f"> **{name}** #{r.randint(1, 40)}\n>\n> {quoted}\n\n"
        return body + self._paragraph(REPLY_SENTENCES, 1, 2)
