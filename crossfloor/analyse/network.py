"""The tagger network (torch): imported only where a trained model is used or trained, so the
rules-only path (`--fast`) never loads torch."""

from __future__ import annotations

import warnings
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from transformers import AutoConfig, AutoModel
from transformers.utils import logging as hf_logging

from .tagger_spec import LAYERS, WEIGHTS


class TaggerNetwork(torch.nn.Module):
    """A BERT-style encoder cut to its first `layers` layers, and one linear head giving three
    tags (O, B, I) for each of source, cue and content."""

    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder
        self.head = torch.nn.Linear(encoder.config.hidden_size, 3 * len(LAYERS))

    def forward(self, ids, mask):
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(hidden).view(ids.shape[0], ids.shape[1], len(LAYERS), 3)

    @classmethod
    def from_base(cls, base: Path, layers: int) -> TaggerNetwork:
        encoder = AutoModel.from_pretrained(str(base), add_pooling_layer=False)
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers
        return cls(encoder)

    @classmethod
    def load(cls, directory: Path, weights: str = WEIGHTS) -> TaggerNetwork:
        config = AutoConfig.from_pretrained(str(directory))
        network = cls(AutoModel.from_config(config, add_pooling_layer=False))
        state = {k: v.float() for k, v in load_file(str(Path(directory) / weights)).items()}
        network.load_state_dict(state)
        return network

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.encoder.config.save_pretrained(str(directory))
        # Half precision halves the shipped file; dev figures are measured on the saved copy.
        state = {k: v.detach().half().contiguous() for k, v in self.state_dict().items()}
        save_file(state, str(directory / WEIGHTS))


def quantised(network: TaggerNetwork) -> torch.nn.Module:
    """Linear layers as dynamic int8, one scale per output channel: as fast as one scale per
    matrix and a point closer to full precision (PolNeAR dev, tagger alone: source/cue/content
    F1 0.773/0.711/0.615 per matrix, 0.783/0.715/0.627 per channel, 0.793/0.719/0.643 in fp32).
    torch marks this API deprecated in favour of torchao, which is not installed; the pinned
    torch (2.13) still carries it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from torch.ao.quantization import per_channel_dynamic_qconfig

        return torch.ao.quantization.quantize_dynamic(network, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8)


class _Positional(torch.nn.Module):
    """The network called as f(ids, mask): tracing records positional calls only."""

    def __init__(self, network: torch.nn.Module):
        super().__init__()
        self.network = network

    def forward(self, ids, mask):
        return self.network(ids, mask)


def traced(network: torch.nn.Module) -> torch.jit.ScriptModule:
    """The network as a frozen TorchScript graph: the same numbers without the Python call
    overhead of some 110 modules per batch (BBC politics, one thread, int8: 0.245 -> 0.18 s per
    article, spans identical). The example batch has padding so that the attention mask is part of
    the traced graph, and sequence length and batch size stay free."""
    mask = torch.ones((2, 40), dtype=torch.long)
    mask[1, 30:] = 0
    example = (torch.full((2, 40), 1000, dtype=torch.long), mask)
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # freezing reads every attribute, and one of them logs a warning
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")
            return torch.jit.freeze(torch.jit.trace(_Positional(network).eval(), example, check_trace=False))
    finally:
        hf_logging.set_verbosity(verbosity)
