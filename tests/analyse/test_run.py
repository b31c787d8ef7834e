"""The worker pool is sized to the input: a short input starts only the workers it has work for,
and a single chunk (one article) is analysed in the calling process, with no pipeline loaded in
a worker that would get nothing to do."""

import os
from contextlib import nullcontext

import pytest

from crossfloor.analyse.run import run_parallel, workers_for


@pytest.mark.parametrize(("chunks", "processes", "workers"), [(0, 2, 1), (1, 2, 1), (1, 1, 1), (2, 4, 2), (3, 4, 3), (2, 2, 2), (7, 2, 2)])
def test_a_short_input_needs_only_a_worker_per_chunk(chunks, processes, workers):
    given = [[k, k] for k in range(chunks)]
    rest, needed = workers_for(iter(given), processes)
    assert needed == workers
    assert list(rest) == given  # read ahead, nothing lost or reordered


class Words:
    """A stand-in for the spaCy pipeline in the 'bare' task: a text's tokens are its words."""

    def memory_zone(self):
        return nullcontext()

    def pipe(self, texts, batch_size):
        return [text.split() for text in texts]


def test_one_chunk_is_analysed_here_and_more_in_workers():
    loaded_in: list[int] = []

    def loader():
        loaded_in.append(os.getpid())
        return Words()

    assert list(run_parallel(["one two", "three"], loader, processes=2, task="bare")) == [2, 1]
    assert loaded_in == [os.getpid()]
    texts = [f"w{k} " * (k + 1) for k in range(20)]
    assert list(run_parallel(texts, loader, processes=2, task="bare", chunk_size=4)) == list(range(1, 21))
    assert loaded_in == [os.getpid()]  # the workers loaded theirs in their own processes
