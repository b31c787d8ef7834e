"""Alerts on new events: each canonical event of the chosen types that an article stored after
watching began makes one alert per target (a webhook, a command), 'new' for its first report and
'update' for each further one. Alerts wait in the database (table alerts) until delivered: a
failed delivery is tried again with a growing pause and logged, never dropped; one delivered is
never sent again, across restarts."""

from __future__ import annotations

import json
import shlex
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import httpx
from sqlalchemy import func, select

from .store import views
from .store.database import Database
from .store.schema import AlertRow, EventRow, WatchStateRow

MAX_PAUSE = 300.0  # seconds between two tries, at most


@dataclass
class Targets:
    notify: str | None = None  # a URL that takes the alert as a JSON POST
    exec: str | None = None  # a command that takes the alert as JSON on its standard input
    types: tuple[str, ...] = ()  # event types to alert on (all when empty)
    timeout: float = 10.0

    def names(self) -> list[str]:
        return [name for name in ("notify", "exec") if getattr(self, name)]


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
            if targets.types and report.type not in targets.types:
                continue
            earlier = session.scalar(select(func.count()).select_from(EventRow).where(EventRow.canonical_id == report.canonical_id, EventRow.article_id != report.article_id, EventRow.id < report.id))
            for target in targets.names():
                exists = session.scalar(select(AlertRow.id).where(AlertRow.canonical_id == report.canonical_id, AlertRow.article_id == report.article_id, AlertRow.target == target))
                if exists is None:
                    session.add(AlertRow(canonical_id=report.canonical_id, article_id=report.article_id, kind="update" if earlier else "new", target=target, attempts=0))
                    queued += 1
        return queued

    return db.in_transaction(look, "queueing alerts")


def pending(db: Database) -> list[AlertRow]:
    with db.sessions() as session:
        return session.scalars(select(AlertRow).where(AlertRow.delivered_at.is_(None)).order_by(AlertRow.id)).all()


def deliver(db: Database, targets: Targets, log: Callable[[str], None]) -> int:
    """Send every pending alert whose time has come; how many were delivered."""
    delivered = 0
    for alert in pending(db):
        if alert.next_try is not None and as_utc(alert.next_try) > now():
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
        try:
            response = httpx.post(targets.notify, content=body, headers={"Content-Type": "application/json"}, timeout=targets.timeout)
        except httpx.HTTPError as err:
            return f"webhook {targets.notify} not reached ({type(err).__name__})"
        return None if response.is_success else f"webhook {targets.notify} answered HTTP {response.status_code}"
    try:
        done = subprocess.run(shlex.split(targets.exec), input=body, text=True, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"command {targets.exec!r} could not run ({type(err).__name__}: {err})"
    last = (done.stderr.strip().splitlines() or [""])[-1][:200]
    return None if done.returncode == 0 else f"command {targets.exec!r} exited {done.returncode}" + (f" ({last})" if last else "")


def record(db: Database, alert_id: int, problem: str | None, log: Callable[[str], None], payload: dict) -> int:
    from .present import describe_event

    def save(session) -> int:
        alert = session.get(AlertRow, alert_id)
        if problem is None:
            alert.delivered_at = now()
            return 1
        alert.attempts += 1
        pause = min(2.0 ** (alert.attempts - 1), MAX_PAUSE)
        alert.next_try = now() + timedelta(seconds=pause)
        alert.last_error = problem
        what = describe_event(payload["event"]) if "type" in payload["event"] else f"event {alert.canonical_id}"
        log(f"alert {alert.id} ({what}): {problem}; trying again in {pause:g} s (attempt {alert.attempts})")
        return 0

    return db.in_transaction(save, f"alert {alert_id}")


def next_try_in(db: Database) -> float | None:
    """Seconds until the next pending alert is due (0 when one is due), None when none waits."""
    waiting = pending(db)
    if not waiting:
        return None
    return max(0.0, min((as_utc(a.next_try) - now()).total_seconds() if a.next_try else 0.0 for a in waiting))


def as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
