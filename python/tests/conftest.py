"""Shared fixtures: the repository's sample stories, the CLI to compare with, a small WARC."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path
from typing import List

import pytest

REPO = Path(__file__).resolve().parents[2]
STORIES = REPO / "examples" / "stories"


def story_paths() -> List[Path]:
    paths = sorted(STORIES.glob("*.txt"))
    assert paths, f"no sample stories in {STORIES}"
    return paths


def cli_path() -> Path:
    """The CLI built from the same sources (scripts/test-python builds it first)."""
    given = os.environ.get("DATELINE_CLI")
    if given and not Path(given).is_file():
        # scripts/test-python names the binary it built: its absence is a failure, not a skip.
        raise FileNotFoundError(f"DATELINE_CLI={given} does not exist")
    candidates = [Path(given)] if given else [REPO / "target" / "release" / "dateline", REPO / "target" / "debug" / "dateline"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    pytest.skip("no dateline CLI binary: run `cargo build --release -p dateline-cli` or set DATELINE_CLI")


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path = REPO) -> List[dict]:
    """Records the CLI writes for these arguments (duplicates kept, as the library does)."""
    out = subprocess.run(
        [str(cli_path()), "extract", "--quiet", "--duplicates", "keep", *args],
        input=stdin,
        cwd=cwd,
        capture_output=True,
        check=True,
    )
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()]


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Protesters clash with police in Manila</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Protesters clash with police in Manila</h1>
<p>MANILA, Philippines (AP) - Police arrested 40 protesters on Tuesday after thousands of
students marched on the presidential palace to demand lower fuel prices, officials said.</p>
<p>"We will not be silenced," said student leader Ana Cruz, 21, as officers dispersed the crowd
with water cannon near Mendiola Street.</p></article>
<footer>Copyright 2024</footer></body></html>"""


def warc_record(uri: str, html: str, record_id: str) -> bytes:
    body = html.encode("utf-8")
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode("ascii")
        + body
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode("ascii")
    return head + http + b"\r\n\r\n"


@pytest.fixture(scope="session")
def warc_file(tmp_path_factory) -> Path:
    """A gzipped WARC with two HTML pages and a request record to skip."""
    path = tmp_path_factory.mktemp("warc") / "sample.warc.gz"
    request = (
        b"WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: https://news.example/a\r\n"
        b"Content-Length: 18\r\n\r\nGET /a HTTP/1.1\r\n\r\n\r\n\r\n"
    )
    second = PAGE.replace("Manila", "Quezon City").replace("40", "12")
    with gzip.open(path, "wb") as out:
        out.write(request)
        out.write(warc_record("https://news.example/a", PAGE, "00000000-0000-0000-0000-000000000001"))
        out.write(warc_record("https://news.example/b", second, "00000000-0000-0000-0000-000000000002"))
    return path
