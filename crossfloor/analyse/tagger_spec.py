"""What the attribution tagger tags and where a trained one keeps its weights: shared by the
decoding (spanmodel.py), the torch network (network.py) and training, which otherwise would
import each other."""

from __future__ import annotations

from pathlib import Path

LAYERS = ("source", "cue", "content")
PACKAGED_MODEL = Path(__file__).resolve().parent.parent / "models" / "attribution"
WEIGHTS = "tagger.safetensors"  # a model directory's (first) network; crossfloor.json may list more
