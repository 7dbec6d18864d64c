"""`storyline watch` and `storyline fetch` end to end, with the real pipeline, on loopback."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from click.testing import CliRunner
from live_server import LocalServer, Reply, page, rss, story_paragraphs

from storyline.cli import EXIT_FAILED, EXIT_SKIPPED, main

HTML = {"Content-Type": "text/html; charset=utf-8"}


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


def _sources(tmp_path: Path, server: LocalServer) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f'[[feed]]\nurl = "{server.url("/feed")}"\nname = "Harbour Courier"\n')
    return path


def _feed(server: LocalServer, count: int) -> None:
    items = []
    for n in range(1, count + 1):
        server.routes[f"/news/{n}"] = Reply(
            200, page(f"Night ferry suspended ({n})", story_paragraphs("Port Veyra", n)), HTML
        )
        items.append({"guid": f"urn:ferry:{n}", "link": server.url(f"/news/{n}"), "title": "Ferry"})
    server.routes["/feed"] = Reply(200, rss(items), {"Content-Type": "application/rss+xml"})


def test_live_cli_watch_once_writes_the_stories(server: LocalServer, tmp_path: Path) -> None:
    _feed(server, 2)
    sources, db, out = _sources(tmp_path, server), tmp_path / "s.db", tmp_path / "out"
    base = ("--db", str(db), "--out", str(out), "--allow-private", "--host-delay", "0")
    code, err = _run("watch", str(sources), *base, "--once")
    assert code == 0, err
    assert "2 new report(s)" in err
    data = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 2
    assert {a["source"] for a in data["articles"]} == {"Harbour Courier"}
    placed = {a for s in data["stories"] for a in s["articles"]}
    assert placed == {a["id"] for a in data["articles"]}
    _feed(server, 3)
    code, err = _run("watch", str(sources), *base, "--once")
    assert code == 0 and "1 new report(s)" in err
    data = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 3
    server.routes["/extra"] = Reply(
        200, page("Ferry repairs begin", story_paragraphs("Port Veyra", 9)), HTML
    )
    code, err = _run("fetch", server.url("/extra"), *base)
    assert code == 0, err
    assert "1 new report(s)" in err
    code, err = _run("fetch", server.url("/extra"), *base)
    assert code == 0 and "1 already stored" in err


def test_live_cli_watch_restores_the_sigterm_handler(tmp_path: Path) -> None:
    """Worker pools forked later are stopped by SIGTERM: watch must not leave its handler."""
    before = signal.getsignal(signal.SIGTERM)
    sources = tmp_path / "s.toml"
    sources.write_text('[[feed]]\nurl = "http://127.0.0.1:9/feed"\n')
    _run("watch", str(sources), "--db", str(tmp_path / "s.db"), "--once")  # refused: loopback
    assert signal.getsignal(signal.SIGTERM) is before


def test_live_cli_loopback_refused_without_allow_private(
    server: LocalServer, tmp_path: Path
) -> None:
    _feed(server, 1)
    code, err = _run(
        "watch", str(_sources(tmp_path, server)), "--db", str(tmp_path / "s.db"), "--once"
    )
    assert code == EXIT_SKIPPED
    assert "loopback address 127.0.0.1" in err and "--allow-private" in err
    assert server.requests == []
    code, err = _run("fetch", server.url("/news/1"), "--db", str(tmp_path / "s.db"))
    assert code == EXIT_FAILED and "loopback" in err
    assert server.requests == []


def test_live_cli_bad_sources_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[feed]]\nurl = 'file:///etc/passwd'\n")
    code, err = _run("watch", str(bad), "--db", str(tmp_path / "s.db"), "--once")
    assert code == EXIT_FAILED
    assert err.strip().splitlines() == [
        f"storyline: {bad}: [[feed]] #1: scheme 'file' refused: only http and https"
    ]


def test_live_cli_fetch_names_each_bad_url(tmp_path: Path) -> None:
    code, err = _run("fetch", "ftp://a.example/x", "notaurl", "--db", str(tmp_path / "s.db"))
    assert code == EXIT_FAILED
    assert err.splitlines()[:2] == [
        "storyline: skipped ftp://a.example/x: scheme 'ftp' refused: only http and https",
        "storyline: skipped notaurl: scheme '(none)' refused: only http and https",
    ]


def test_live_cli_unwritable_out_is_one_line_before_polling(
    server: LocalServer, tmp_path: Path
) -> None:
    _feed(server, 1)
    (tmp_path / "FILE").write_text("not a folder", encoding="utf-8")
    out, db = tmp_path / "FILE" / "out", tmp_path / "s.db"
    for command in (
        ("watch", str(_sources(tmp_path, server)), "--once"),
        ("fetch", server.url("/news/1")),
    ):
        code, err = _run(*command, "--db", str(db), "--out", str(out), "--allow-private")
        assert code == 2, err
        assert err.startswith(f"storyline: --out {out}: ") and err.count("\n") == 1, err
    assert not db.exists()  # nothing was polled, fetched or stored
    assert server.requests == []


def test_live_cli_unwritable_db_is_one_line_before_polling(
    server: LocalServer, tmp_path: Path
) -> None:
    _feed(server, 1)
    (tmp_path / "FILE").write_text("not a folder", encoding="utf-8")
    db = tmp_path / "FILE" / "s.db"
    code, err = _run(
        "watch", str(_sources(tmp_path, server)), "--db", str(db), "--once", "--allow-private"
    )
    assert code == 2, err
    assert err.startswith(f"storyline: --db {db}: ") and err.count("\n") == 1, err
    assert server.requests == []
