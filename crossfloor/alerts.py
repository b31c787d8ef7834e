"""Alerts on new events: each canonical event of the chosen types that an article stored after
watching began reports as news makes one alert per target (a webhook, a command), 'new' for its
first news report and 'update' for each further one; a report of background (history) never
alerts. Alerts wait in the database (table alerts) until delivered: a failed delivery is tried
again with a growing pause and logged, never dropped; one delivered is never sent again, across
restarts. Each alert is claimed in the database before it is sent, so
two watchers on one database never both send it. The targets are checked when they are given
(before any round), and a webhook's credentials never reach a log line or the database."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
from sqlalchemy import func, or_, select, update

from .store import views
from .store.database import Database
from .store.schema import AlertRow, EventRow, WatchStateRow

MAX_PAUSE = 300.0  # seconds between two tries, at most
EXEC_SECONDS = 60.0  # a command that takes longer is stopped, and the attempt failed
# A claim older than this is a watcher that died while delivering: longer than any delivery
# (the webhook's total deadline and EXEC_SECONDS are both well under it).
CLAIM_SECONDS = 600.0
HIDDEN = "***"


class TargetProblem(Exception):
    """A --notify url or --exec command that cannot work; one line."""


def redact(url: str) -> str:
    """The url without what may be a secret: the user:password@ part and the values of its query
    (tokens are often passed there). The one form in which a target is logged or stored."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not even a url: hide the same parts by their shape
        base, question, _ = url.partition("?")
        return re.sub(r"//[^/]*@", f"//{HIDDEN}@", base) + (f"?{HIDDEN}" if question else "")
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{HIDDEN}@{host}" if "@" in parts.netloc else host
    query = urlencode([(name, HIDDEN) for name, _ in parse_qsl(parts.query, keep_blank_values=True)], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def webhook_problem(url: str) -> str | None:
    """Why this url cannot take a POST (no http(s) scheme, no host, a bad port), or None."""
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as err:
        return f"--notify {redact(url)!r} is not a url ({err})"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"--notify {redact(url)!r} is not an http(s) url with a host (like https://desk.example/hook)"
    return None if port_ok else f"--notify {redact(url)!r} has no valid port"


def command_of(line: str) -> list[str]:
    """--exec split as a shell would (no shell runs it), its program found on PATH; else TargetProblem."""
    try:
        argv = shlex.split(line)
    except ValueError as err:
        raise TargetProblem(f"--exec {line!r} cannot be split into a command ({err})") from None
    if not argv:
        raise TargetProblem("--exec is empty: give the command to run for each alert")
    if shutil.which(argv[0]) is None:
        raise TargetProblem(f"--exec {line!r}: no program {argv[0]!r} found (give its path, or put it on PATH)")
    return argv


@dataclass
class Targets:
    notify: str | None = None  # a URL that takes the alert as a JSON POST
    exec: str | None = None  # a command that takes the alert as JSON on its standard input
    types: tuple[str, ...] = ()  # event types to alert on (all when empty)
    timeout: float = 10.0  # seconds for a whole webhook delivery: connect, send, answer

    def __post_init__(self) -> None:
        """Checked here, before any round: a target that cannot work is refused at once, not
        found out after each round and retried for ever."""
        problem = webhook_problem(self.notify) if self.notify is not None else None
        if problem:
            raise TargetProblem(problem)
        self.argv = command_of(self.exec) if self.exec is not None else []

    def names(self) -> list[str]:
        return [name for name in ("notify", "exec") if getattr(self, name)]

    def describe(self) -> str:
        """The targets as they may be shown: the webhook redacted."""
        return ", ".join(filter(None, (self.notify and redact(self.notify), self.exec)))


def now() -> datetime:
    return datetime.now(timezone.utc)


def start_watching(db: Database) -> None:
    """From now on: events already stored are not alerted (the first watch of a database)."""

    def begin(session) -> None:
        if session.get(WatchStateRow, 1) is None:
            session.add(WatchStateRow(id=1, last_event_id=session.scalar(select(func.max(EventRow.id))) or 0))

    db.in_transaction(begin, "starting to watch")


def queue(db: Database, targets: Targets) -> int:
    """Queue alerts for the events stored since the last look; how many were queued."""

    def look(session) -> int:
        state = session.get(WatchStateRow, 1)
        reports = session.scalars(select(EventRow).where(EventRow.id > state.last_event_id, EventRow.canonical_id.is_not(None)).order_by(EventRow.id)).all()
        queued = 0
        for report in reports:
            state.last_event_id = max(state.last_event_id, report.id)
            if not alerting(report, targets):
                continue
            earlier = session.scalar(select(func.count()).select_from(EventRow).where(EventRow.canonical_id == report.canonical_id, EventRow.article_id != report.article_id, EventRow.id < report.id, EventRow.news.is_not(False)))
            for target in targets.names():
                exists = session.scalar(select(AlertRow.id).where(AlertRow.canonical_id == report.canonical_id, AlertRow.article_id == report.article_id, AlertRow.target == target))
                if exists is None:
                    session.add(AlertRow(canonical_id=report.canonical_id, article_id=report.article_id, kind="update" if earlier else "new", target=target, attempts=0))
                    queued += 1
        return queued

    return db.in_transaction(look, "queueing alerts")


def alerting(report: EventRow, targets: Targets) -> bool:
    """A report alerts when its type is watched and it tells news (or does not say): an event an
    article mentions only as background (history) never alerts."""
    return (not targets.types or report.type in targets.types) and report.news is not False


def pending(db: Database) -> list[AlertRow]:
    with db.sessions() as session:
        return session.scalars(select(AlertRow).where(AlertRow.delivered_at.is_(None)).order_by(AlertRow.id)).all()


def claim(db: Database, alert_id: int) -> bool:
    """Take the alert for this watcher: true when it was pending, due and not claimed by another
    (live) watcher. One conditional UPDATE in a write transaction, so of two watchers that both
    saw it pending exactly one gets it."""

    def take(session) -> bool:
        moment = now()
        done = session.execute(
            update(AlertRow)
            .where(
                AlertRow.id == alert_id,
                AlertRow.delivered_at.is_(None),
                or_(AlertRow.next_try.is_(None), AlertRow.next_try <= moment),
                or_(AlertRow.claimed_at.is_(None), AlertRow.claimed_at < moment - timedelta(seconds=CLAIM_SECONDS)),
            )
            .values(claimed_at=moment)
        )
        return done.rowcount == 1

    return db.in_transaction(take, f"claiming alert {alert_id}")


def deliver(db: Database, targets: Targets, log: Callable[[str], None]) -> int:
    """Send every pending alert whose time has come and that no other watcher holds; how many
    were delivered."""
    delivered = 0
    for alert in pending(db):
        if alert.next_try is not None and as_utc(alert.next_try) > now():
            continue
        if not claim(db, alert.id):
            continue
        with db.sessions() as session:
            found = views.events(session, ids={alert.canonical_id})
        payload = {"alert": alert.kind, "article_id": alert.article_id, "event": found[0] if found else {"id": alert.canonical_id}}
        problem = send(alert.target, payload, targets)
        delivered += record(db, alert.id, problem, log, payload)
    return delivered


def send(target: str, payload: dict, targets: Targets) -> str | None:
    """None when delivered, else what went wrong (one line)."""
    body = json.dumps(payload, ensure_ascii=False, default=str)
    if target == "notify":
        return post(targets.notify, body, targets.timeout)
    try:
        done = subprocess.run(targets.argv, input=body, text=True, capture_output=True, timeout=EXEC_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"command {targets.exec!r} could not run ({type(err).__name__}: {err})"
    last = (done.stderr.strip().splitlines() or [""])[-1][:200]
    return None if done.returncode == 0 else f"command {targets.exec!r} exited {done.returncode}" + (f" ({last})" if last else "")


def post(url: str, body: str, deadline: float) -> str | None:
    """POST body to url, the whole exchange (connect, send, answer) within `deadline` seconds:
    httpx's time-outs bound each read, so a server trickling a byte at a time would hold it for
    ever. The request runs in a thread; at the deadline its client is closed, which ends it."""
    outcome: dict[str, object] = {}

    def exchange() -> None:
        try:
            outcome["status"] = client.post(url, content=body, headers={"Content-Type": "application/json"}).status_code
        except (httpx.HTTPError, RuntimeError, OSError) as err:  # RuntimeError: the client closed at the deadline
            outcome["error"] = type(err).__name__

    with httpx.Client(timeout=deadline, follow_redirects=False) as client:
        worker = threading.Thread(target=exchange, name="webhook", daemon=True)
        worker.start()
        worker.join(deadline)
        late = worker.is_alive()
    # Leaving the block closed the client: a late exchange fails at once (its thread, a daemon,
    # ends by itself; what it finds out is not used).
    if late:
        return f"webhook {redact(url)} gave no complete answer within {deadline:g} s"
    if "error" in outcome:
        return f"webhook {redact(url)} not reached ({outcome['error']})"
    status = int(outcome["status"])
    return None if 200 <= status < 300 else f"webhook {redact(url)} answered HTTP {status}"


def record(db: Database, alert_id: int, problem: str | None, log: Callable[[str], None], payload: dict) -> int:
    from .present import describe_event

    def save(session) -> int:
        alert = session.get(AlertRow, alert_id)
        if problem is None:
            alert.delivered_at = now()
            return 1
        alert.attempts += 1
        alert.claimed_at = None  # free for whichever watcher is first when it comes due
        pause = min(2.0 ** (alert.attempts - 1), MAX_PAUSE)
        alert.next_try = now() + timedelta(seconds=pause)
        alert.last_error = problem
        what = describe_event(payload["event"]) if "type" in payload["event"] else f"event {alert.canonical_id}"
        log(f"alert {alert.id} ({what}): {problem}; trying again in {pause:g} s (attempt {alert.attempts})")
        return 0

    return db.in_transaction(save, f"alert {alert_id}")


def next_try_in(db: Database) -> float | None:
    """Seconds until the next pending alert is due (0 when one is due), None when none waits. One
    another watcher holds is due when its claim would go stale (the other usually settles it
    long before)."""
    waiting = pending(db)
    if not waiting:
        return None
    return max(0.0, min((due(alert) - now()).total_seconds() for alert in waiting))


def due(alert: AlertRow) -> datetime:
    moments = [as_utc(alert.next_try) if alert.next_try else now()]
    if alert.claimed_at is not None:
        moments.append(as_utc(alert.claimed_at) + timedelta(seconds=CLAIM_SECONDS))
    return max(moments)


def as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
