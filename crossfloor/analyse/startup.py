"""How a crossfloor process loads spaCy: without PyTorch, unless the trained tagger asks for it.

thinc (spaCy's machine-learning library) imports PyTorch whenever it is installed, to offer
PyTorch layers, and that takes longer than importing spaCy and loading its model together. The
rules never use those layers, and the trained tagger (`--tagger`, `analyse/network.py`) imports
PyTorch itself, through no thinc layer. `thinc_without_torch()` makes thinc's one look for
PyTorch find none, so the command line loads PyTorch only when the tagger runs or a model is
trained. It is for processes crossfloor owns (the command line and its workers): a library user's
own pipeline may want thinc's PyTorch layers, so `crossfloor.load()` leaves thinc alone.
"""

from __future__ import annotations

import importlib.abc
import sys

# thinc.compat sets this name just after trying to import PyTorch: while the module exists
# without it, thinc is still asking.
THINC_COMPAT = "thinc.compat"
ASKED = "has_torch"


class ThincWithoutTorch(importlib.abc.MetaPathFinder):
    """Answers thinc's `import torch` with ModuleNotFoundError (which thinc reads as 'not
    installed'); every other import, PyTorch's own for the tagger included, goes on as usual."""

    def find_spec(self, name, path=None, target=None):
        if name == "torch" and thinc_is_asking():
            raise ModuleNotFoundError("PyTorch is left to the tagger (crossfloor.analyse.startup)", name="torch")
        return None


def thinc_is_asking() -> bool:
    compat = sys.modules.get(THINC_COMPAT)
    return compat is not None and not hasattr(compat, ASKED)


def thinc_without_torch() -> None:
    """From now on in this process, thinc finds no PyTorch (unless one of them is loaded already)."""
    if THINC_COMPAT in sys.modules or "torch" in sys.modules:
        return
    if not any(isinstance(finder, ThincWithoutTorch) for finder in sys.meta_path):
        sys.meta_path.insert(0, ThincWithoutTorch())
