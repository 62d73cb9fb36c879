"""Published reports read from their ``http(s)://`` address (``importers/fetch.py``), against a
server started on 127.0.0.1 for the test: the same report as the saved file, time and size
limits, errors said plainly (exit 2), redirects only to http(s)."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import FIXTURES
from test_import_cli import _state, run  # noqa: F401  (the state folder per test; the CLI runner)
from disclosure_cli import importers
from disclosure_cli.reader import is_url, load

PUB = FIXTURES / "published"
PAGE = PUB / "trs-editor-gbk.html"


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        status, headers, body, delay = route
        time.sleep(delay)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # the client gave up (time limit): expected
        pass


@pytest.fixture(scope="module")
def server():
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    page = PAGE.read_bytes()
    _Handler.routes = {
        "/zwgk/t20250120_1.htm": (200, {"Content-Type": "text/html"}, page, 0),
        # a GBK page the server declares as ISO-8859-1 (common): the page's own <meta> wins
        "/latin1/t2.htm": (200, {"Content-Type": "text/html; charset=ISO-8859-1"}, page, 0),
        "/report": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not really", 0),
        "/moved": (302, {"Location": "/zwgk/t20250120_1.htm"}, b"", 0),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b"", 0),
        "/slow.htm": (200, {"Content-Type": "text/html"}, page, 3),
        "/list.htm": (200, {"Content-Type": "text/html; charset=utf-8"}, (PUB / "list-page.html").read_bytes(), 0),
    }
    yield base
    httpd.shutdown()


def _cells(report):
    return {k: (c.state, c.value) for k, c in report.cells.items()}


def test_is_url():
    assert is_url("https://www.pingtan.gov.cn/a.htm") and is_url("HTTP://x")
    assert not is_url("http.html") and not is_url("./https:/x") and not is_url(PAGE)


@pytest.mark.parametrize("path", ["/zwgk/t20250120_1.htm", "/latin1/t2.htm", "/moved"])
def test_an_address_reads_as_the_saved_page(server, path):
    url = server + path
    report, saved = load(url), load(PAGE)
    assert _cells(report) == _cells(saved) and (report.org, report.year) == (saved.org, saved.year)
    assert report.path == url
    assert report.imported["url"] == url and report.imported["sha256"] == hashlib.sha256(PAGE.read_bytes()).hexdigest()


def test_check_and_import_take_an_address(server, tmp_path):
    url = server + "/zwgk/t20250120_1.htm"
    r = run("check", url)
    assert r.exit_code == 0 and r.stdout.startswith(f"{url}：淮安市人民政府 2024 年度")
    r = run("import", url, "-d", tmp_path)
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "t20250120_1.json").read_text("utf-8"))
    assert data["source"]["url"] == url and "file" not in data["source"]


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing.htm", "网页不存在（HTTP 404），无法下载"),
        ("/to-file", "无法下载：转向了不支持的地址 file:///etc/passwd"),
        ("/list.htm", "这是一个列表页"),
        ("/report", "PDF 无法打开"),
    ],
)
def test_what_cannot_be_read_is_said_plainly(server, path, message):
    r = run("check", server + path)
    assert r.exit_code == 2 and message in r.output


def test_time_limit(server, monkeypatch):
    monkeypatch.setenv("DISCLOSURE_FETCH_TIMEOUT", "1")
    t = time.monotonic()
    r = run("check", server + "/slow.htm")
    assert r.exit_code == 2 and "1 秒内没有响应" in r.output and time.monotonic() - t < 2.9


def test_size_limit(server, monkeypatch):
    monkeypatch.setattr(importers, "MAX_BYTES", 10_000)
    r = run("check", server + "/zwgk/t20250120_1.htm")
    assert r.exit_code == 2 and "下载内容超过上限" in r.output


def test_no_server_is_exit_2():
    r = run("check", "http://127.0.0.1:9/report.htm")
    assert r.exit_code == 2 and "无法下载" in r.output


def test_next_years_workbook_from_last_years_address(server, tmp_path):
    out = tmp_path / "2025.xlsx"
    r = run("new", "-o", out, "--from", server + "/zwgk/t20250120_1.htm")
    assert r.exit_code == 0, r.output
    report = load(out)
    saved = load(PAGE)
    assert (report.org, report.year) == (saved.org, saved.year + 1)
