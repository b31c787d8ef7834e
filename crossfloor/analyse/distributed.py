"""Analysis on a Dask cluster: chunks of texts go to the workers, each of which loads the
pipeline once; results come back in input order, so storing them (in this process, one article
per transaction) gives the same rows as a run on one machine.

What limits scaling: analysis spreads over every worker, but linking and storing stay in the one
process that owns the database transaction, so past the point where that process is busy all the
time, more workers do not help. At most a few chunks per worker are in flight, so memory on the
client stays flat however long the input is.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache

from ..schema import AnalysedArticle
from .run import chunked


@cache
def _worker_pipeline(attribution_model: str | None):
    """Loaded once per worker process (the function's cache lives in the worker)."""
    from .pipeline import build_pipeline

    return build_pipeline(attribution_model)


def _analyse_chunk(items: list, attribution_model: str | None = None) -> list[AnalysedArticle]:
    from .run import analyse_texts

    return analyse_texts(_worker_pipeline(attribution_model), items)


def run_dask(items: Iterable, scheduler: str | None = None, workers: int = 2, chunk_size: int = 8, attribution_model: str | None = None) -> Iterator[AnalysedArticle]:
    """Yield analyse_texts results for items ((text, published) pairs), in order, computed on
    the Dask cluster at scheduler (tcp://host:8786), or on a local cluster of `workers`
    processes when no scheduler is given. Workers build the pipeline with attribution_model
    (default: this process's settings), since they do not share this process's options."""
    from ..settings import get_settings

    attribution_model = attribution_model or get_settings().attribution_model
    from distributed import Client, LocalCluster

    # A local cluster's own logs are not the user's business: at its default level, a worker slow
    # to unload the pipeline ends an ingest with "Worker process still alive after 4.0 seconds,
    # killing" under the summary.
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(scheduler or cluster)
    try:
        capacity = max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        for chunk in chunked(items, chunk_size):
            pending.append(client.submit(_analyse_chunk, chunk, attribution_model, pure=False))
            while len(pending) >= capacity * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
