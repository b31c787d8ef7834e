"""Coverage-guided fuzzing of the readers with atheris (libFuzzer).

    python fuzz/fuzz_readers.py -atheris_runs=100000 CORPUS_DIR

Every input is some bytes under some file suffix; reading must yield articles or skips (one-line
reasons naming the input), never raise. tests/test_fuzz.py runs a short bounded session;
CROSSFLOOR_FUZZ_RUNS sets a longer one.
"""

import sys

import atheris

with atheris.instrument_imports():
    from crossfloor.read import ReadOptions, Skipped, read_bytes
    from crossfloor.schema import Article

SUFFIXES = [".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".md", ""]
OPTIONS = ReadOptions(check_language=False, max_bytes=1_000_000)


def read_one(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    suffix = provider.PickValueInList(SUFFIXES)
    body = provider.ConsumeBytes(provider.remaining_bytes())
    for item in read_bytes(body, f"fuzz{suffix}", suffix, OPTIONS):
        if isinstance(item, Skipped):
            assert "\n" not in item.reason and item.source, item
        else:
            assert isinstance(item, Article) and isinstance(item.text, str) and item.text.strip(), item


def main() -> None:
    atheris.Setup(sys.argv, read_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
