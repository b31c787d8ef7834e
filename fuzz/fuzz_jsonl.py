"""Coverage-guided fuzzing of JSON Lines records with atheris (libFuzzer).

    python fuzz/fuzz_jsonl.py -atheris_runs=100000 CORPUS_DIR

An input is read twice: as the bytes of a JSON Lines file, and as the choices that build one
record (each known field absent or a value of any JSON type, nested or not, strings with NUL
and lone surrogates) written as a line. Either way each line gives an article or a one-line skip
naming its line, never an exception. tests/test_fuzz.py runs a short bounded session.
"""

import io
import json
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from crossfloor.read import ReadOptions, read_jsonl_stream

sys.path.insert(0, str(Path(__file__).parent))
from checks import check_items  # noqa: E402 - next to this file

FIELDS = ["text", "id", "title", "outlet", "url", "published", "date", "meta", "publisher", "publication_date"]
OPTIONS = ReadOptions(check_language=False, max_bytes=100_000)


def value(provider: atheris.FuzzedDataProvider, depth: int = 0):
    """A JSON value of the fuzzer's choosing."""
    kind = provider.ConsumeIntInRange(0, 7 if depth < 3 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return provider.ConsumeBool()
    if kind == 2:
        return provider.ConsumeInt(8)
    if kind == 3:
        return provider.ConsumeFloat()
    if kind == 4:
        return provider.ConsumeUnicode(provider.ConsumeIntInRange(0, 200))
    if kind == 5:
        return [value(provider, depth + 1) for _ in range(provider.ConsumeIntInRange(0, 3))]
    return {provider.PickValueInList(FIELDS): value(provider, depth + 1) for _ in range(provider.ConsumeIntInRange(0, 4))}


def record_line(provider: atheris.FuzzedDataProvider) -> bytes:
    record = {name: value(provider) for name in FIELDS if provider.ConsumeBool()}
    return json.dumps(record, ensure_ascii=provider.ConsumeBool(), allow_nan=True).encode("utf-8", "surrogatepass") + b"\n"


def read_one(data: bytes) -> None:
    check_items(read_jsonl_stream(io.BytesIO(data), "fuzz.jsonl", OPTIONS))
    line = record_line(atheris.FuzzedDataProvider(data))
    check_items(read_jsonl_stream(io.BytesIO(line), "fuzz.jsonl", OPTIONS))


def main() -> None:
    atheris.Setup(sys.argv, read_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
