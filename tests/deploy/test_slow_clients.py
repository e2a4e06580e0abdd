"""A few slow clients cannot starve the forum (issue 24): three connections trickle their
headers into one app server, started as deploy/systemd starts it, and everyone else is
still answered meanwhile (with sync workers they took a 2-worker forum offline)."""
import socket
import time
import urllib.request
from urllib.parse import urlsplit

from tests.deploy.servers import gunicorn


def test_three_slow_clients_leave_the_forum_answering_everyone_else():
    with gunicorn(workers=1) as base:
        port = urlsplit(base).port
        slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        try:
            for connection in slow:
                connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            for _ in range(3):  # the slow ones keep trickling while others are served
                for connection in slow:
                    connection.sendall(b"a")
                with urllib.request.urlopen(f"{base}/", timeout=10) as answer:
                    assert answer.status == 200
                time.sleep(0.5)
        finally:
            for connection in slow:
                connection.close()
