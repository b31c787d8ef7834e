"""Coverage-guided fuzzing of compressed files and web archives with atheris (libFuzzer).

    python fuzz/fuzz_archives.py -atheris_runs=100000 CORPUS_DIR

The first byte picks a file name (a compressed format crossfloor reads, or a WARC, plain or
compressed) and whether the rest is compressed here first (so the fuzzer reaches the format
inside) or taken as the file's bytes (so it reaches the decompressors and warcio). Reading the
file must yield articles or one-line skips, never raise. tests/test_fuzz.py writes the seeds and
runs a short bounded session.
"""

import bz2
import gzip
import lzma
import sys
import tempfile
from pathlib import Path

import atheris
import zstandard

with atheris.instrument_imports():
    from crossfloor.read import ReadOptions, iter_articles

sys.path.insert(0, str(Path(__file__).parent))
from checks import check_items  # noqa: E402 - next to this file

NAMES = ["a.txt.gz", "a.jsonl.gz", "a.html.bz2", "a.jsonl.xz", "a.txt.zst", "a.jsonl.zst", "a.warc", "a.warc.gz", "a.warc.bz2", "a.warc.xz", "a.warc.zst"]
PACK = {".gz": lambda b: gzip.compress(b, 1), ".bz2": bz2.compress, ".xz": lzma.compress, ".zst": zstandard.ZstdCompressor().compress}
OPTIONS = ReadOptions(check_language=False, max_bytes=1_000_000)
FOLDER = Path(tempfile.mkdtemp(prefix="crossfloor-fuzz-"))


def encoded(name: str, payload: bytes, pack: bool) -> bytes:
    """The file's bytes: the payload, or the payload compressed as the name says."""
    compress = PACK.get(Path(name).suffix)
    return compress(payload) if pack and compress else payload


def read_one(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    path = FOLDER / name
    path.write_bytes(encoded(name, data[1:], pack=data[0] >= 128))
    check_items(iter_articles([str(path)], OPTIONS))


def main() -> None:
    atheris.Setup(sys.argv, read_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
