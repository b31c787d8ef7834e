"""Hostile records: one bad JSON line is a skip naming its line and the problem, and the batch
goes on; text a database cannot hold (NUL, lone surrogates) is removed where it enters, before
analysis, so the stored text is the analysed text; an uploaded bad record is a 422."""

import json

import pytest

from crossfloor.read import ReadOptions, Skipped, iter_articles

GOOD = "The transport minister, Ann Lee, has resigned from the government over the rail plan."
BAD_LINES = {
    "deep nesting": ("[" * 200_000, "invalid JSON (nested too deeply)"),
    "meta not an object": (json.dumps({"text": GOOD, "meta": [1]}), "'meta' must be an object, not an array"),
    "title an object": (json.dumps({"text": GOOD, "title": {}}), "'title' must be a string, not an object"),
    "url a number": (json.dumps({"text": GOOD, "url": 7}), "'url' must be a string, not a number"),
    "meta.publisher a list": (json.dumps({"text": GOOD, "meta": {"publisher": ["x"]}}), "'meta.publisher' must be a string, not an array"),
    "id of 5,000 digits": ('{"text": "x", "id": ' + "1" * 5000 + "}", "invalid JSON (Exceeds the limit"),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_a_bad_json_line_is_a_skip_naming_its_line_and_the_batch_goes_on(tmp_path, case):
    line, reason = BAD_LINES[case]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "text": GOOD}), line, json.dumps({"id": "b", "text": GOOD.replace("Ann", "Jo")})]) + "\n")
    items = list(iter_articles([str(path)], ReadOptions(check_language=False)))
    assert [i.id for i in items if not isinstance(i, Skipped)] == ["a", "b"]
    skips = [i for i in items if isinstance(i, Skipped)]
    assert len(skips) == 1 and skips[0].source == f"{path}:2" and skips[0].reason.startswith(reason), skips
    assert "\n" not in skips[0].reason


def test_text_a_database_cannot_hold_is_removed_where_it_enters(tmp_path):
    path = tmp_path / "nul.jsonl"
    record = {"id": "n\u0000", "text": "Ann Lee\u0000 said she had \ud800resigned.", "title": "Quits\u0000", "outlet": "\udcffBBC", "url": "http://x/\u0000a"}
    path.write_bytes(json.dumps(record).encode() + b"\n")
    [article] = iter_articles([str(path)], ReadOptions(check_language=False))
    assert article.text == "Ann Lee said she had resigned."
    assert (article.id, article.title, article.outlet, article.url) == ("n", "Quits", "BBC", "http://x/a")


def test_an_uploaded_bad_record_is_a_422_with_its_reason(tmp_path):
    from fastapi.testclient import TestClient

    from crossfloor.serve.app import ServeSettings, create_app
    from crossfloor.store.database import open_database

    url = f"sqlite:///{tmp_path / 'up.db'}"
    open_database(url)
    client = TestClient(create_app(ServeSettings(url, allow_writes=True, max_upload_bytes=2_000_000)), base_url="http://127.0.0.1", raise_server_exceptions=False)
    for line, reason in (BAD_LINES["title an object"], BAD_LINES["deep nesting"], BAD_LINES["meta not an object"]):
        answer = client.post("/api/articles/file", files={"file": ("bad.jsonl", line.encode(), "application/x-ndjson")})
        assert answer.status_code == 422, answer.text
        assert answer.json()["detail"] == f"bad.jsonl:1: {reason}"
