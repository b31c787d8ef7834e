"""The trained attribution tagger: the packaged model loads offline and tags real sentences;
combined with the rules it keeps every offset inside the text; a few training steps on a tiny
sample write a loadable model with its card (the real training is `crossfloor train
attribution`, never part of the test run)."""

import json
import os
import subprocess
import sys

import pytest

from crossfloor.analyse.pipeline import build_pipeline
from crossfloor.analyse.run import analyse_texts
from crossfloor.analyse.spanmodel import (
    SpanTagger,
    best_tags,
    decode,
    encode_labels,
    link,
)
from crossfloor.analyse.tagger_spec import PACKAGED_MODEL
from tests.conftest import ROOT, shared_file
from tests.test_fuzz import assert_offsets_inside

INDIRECT = "The senator told reporters on Tuesday that the spending bill would fail in the House."


@pytest.fixture(scope="module")
def tagger():
    return SpanTagger.load(PACKAGED_MODEL, threads=1)


def test_the_packaged_tagger_finds_source_cue_and_content_of_indirect_speech(tagger):
    [found] = [a for a in tagger(INDIRECT) if a["cue"]]
    assert found["speaker"] == "The senator"
    assert found["cue"].startswith("told")
    assert found["text"].endswith("the spending bill would fail in the House")


def test_the_traced_tagger_reads_a_real_article_exactly_as_the_plain_network(tagger):
    from crossfloor.analyse.network import TaggerNetwork, quantised

    seeds = shared_file("seeds")
    text = seeds.joinpath(sorted(p.name for p in seeds.iterdir())[0]).read_text()
    plain = SpanTagger([quantised(TaggerNetwork.load(PACKAGED_MODEL).eval())], tagger.tokenizer, tagger.max_tokens)
    found = tagger.spans(text)
    assert found["content"] and found == plain.spans(text)


def test_the_tagger_reads_only_the_sentences_the_rules_found_nothing_in(tagger):
    from crossfloor.analyse.combine import left_to_read

    text = (
        '"We will win this seat," Mr Patel said. "The voters are with us," he added.\n\n'
        "The minister mocked that the plan would never work at all.\n\n"
        '"It is over," Ms Khan said. The count starts at ten tonight. Turnout was low in the rain.'
    )
    doc = build_pipeline("none")(text)
    regions = left_to_read(doc, doc._.attributions)
    assert [text[a:b] for a, b in regions] == [
        "The minister mocked that the plan would never work at all.",
        "The count starts at ten tonight. Turnout was low in the rain.",
    ]
    read = {text[a:b] for a, b in tagger.spans(text, regions)["content"]}
    assert any("the plan would never work" in c for c in read)
    assert not any("win this seat" in c or "voters are with us" in c or "It is over" in c for c in read)


def test_an_infinitive_is_speech_only_after_a_verb_of_saying():
    from crossfloor.analyse.combine import aim_not_words
    from crossfloor.analyse.lexicon import cue_lexicon

    saying = cue_lexicon(None).infinitive | cue_lexicon(None).speech
    to = cue_lexicon(None).infinitive_markers
    nlp = build_pipeline("none")
    aim = "The Prime Minister was appearing to unite backbench MPs behind the plan."
    assert aim_not_words(nlp(aim), model_attribution(aim, "to unite backbench MPs behind the plan", "appearing"), saying, to)
    vow = "The Prime Minister vowed to unite backbench MPs behind the plan."
    assert not aim_not_words(nlp(vow), model_attribution(vow, "to unite backbench MPs behind the plan", "vowed"), saying, to)


def test_a_span_ending_inside_a_word_takes_the_whole_word():
    from crossfloor.analyse.spanmodel import whole_words

    text = "PENCE: Well, look."
    assert whole_words(text, 0, 3) == (0, 5)
    assert whole_words(text, 8, 10) == (7, 11)
    assert whole_words(text, 7, 11) == (7, 11)


def test_labels_decode_back_to_the_spans_they_encode():
    offsets = [(0, 3), (4, 9), (10, 14), (14, 15), (16, 20)]
    spans = [(4, 15)]
    assert decode(encode_labels(offsets, spans), offsets) == spans


def test_sequence_decoding_keeps_a_span_whole_where_one_token_leans_outside():
    import numpy as np

    # content layer: B, I, (O slightly over I), I -- token by token that is two spans.
    probabilities = np.array([[0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.5, 0.05, 0.45], [0.1, 0.1, 0.8], [0.9, 0.05, 0.05]])
    log_probs = np.log(probabilities)[:, None, :]
    assert list(log_probs[:, 0].argmax(-1)) == [1, 2, 0, 2, 0]
    [tags] = best_tags(log_probs)
    assert tags == [1, 2, 2, 2, 0]
    # An I can never follow an O, even when it scores best.
    [tags] = best_tags(np.log(np.array([[0.6, 0.1, 0.3], [0.2, 0.1, 0.7]]))[:, None, :])
    assert tags[1] != 2 or tags[0] != 0
    assert best_tags(np.zeros((0, 3, 3))) == [[], [], []]


def test_link_gives_each_content_its_nearest_cue_and_source():
    text = "Mr Smith said the vote was lost. Ms Jones argued it was won."
    found = {"source": [(0, 8), (33, 41)], "cue": [(9, 13), (42, 48)], "content": [(14, 31), (49, 59)]}
    linked = link(text, found)
    assert [(q["speaker"], q["cue"], q["text"]) for q in linked] == [("Mr Smith", "said", "the vote was lost"), ("Ms Jones", "argued", "it was won")]


def test_a_cue_is_given_to_one_content_only():
    text = "Mr Smith said the vote was lost. The result surprised many in the chamber."
    found = {"source": [(0, 8)], "cue": [(9, 13)], "content": [(14, 31), (33, 73)]}
    linked = {q["text"]: q["cue"] for q in link(text, found)}
    assert linked == {"the vote was lost": "said", "The result surprised many in the chamber": None}


def test_a_model_content_that_stops_on_a_preposition_is_cut_short():
    from crossfloor.analyse.attribution import Attribution
    from crossfloor.analyse.combine import cut_short

    text = "He said his decision had thrown his career into doubt."
    doc = build_pipeline("none")(text)
    whole = text.index("his decision"), text.index(".")
    assert not cut_short(doc, Attribution(start=whole[0], end=whole[1], kind="indirect", found_by="tagger"))
    assert cut_short(doc, Attribution(start=whole[0], end=text.index(" doubt"), kind="indirect", found_by="tagger"))


def model_attribution(text: str, content: str, cue: str | None = None, source: str | None = None):
    from crossfloor.analyse.attribution import Attribution

    def at(part):
        return (text.index(part), text.index(part) + len(part)) if part else None

    start, end = at(content)
    return Attribution(start=start, end=end, kind="indirect", found_by="tagger", cue=at(cue), source=at(source))


def test_the_tagger_adds_only_whole_clauses_that_report_speech():
    from crossfloor.analyse.combine import AddingRules, worth_adding
    from crossfloor.analyse.lexicon import cue_lexicon

    lexicon = cue_lexicon(None)
    need = AddingRules(cues=None, thinking=lexicon.beliefs, verbs=lexicon.speech | lexicon.beliefs, saying=lexicon.speech)
    nlp = build_pipeline("none")

    def kept(text, content, cue, rules=(), need=need):
        return worth_adding(nlp(text), model_attribution(text, content, cue), list(rules), need)

    text = "The mayor said the new tram line would open before the election."
    assert kept(text, "the new tram line would open before the election", "said")
    # a noun phrase is not reported speech
    assert not kept("The council leader welcomed the mayor's decision to stand down from the board.", "the mayor's decision to stand down from the board", "welcomed")
    # ... unless a verb of saying takes it as its object
    denial = "The minister denied any wrongdoing over the sale of the council land."
    assert kept(denial, "any wrongdoing over the sale of the council land", "denied")
    assert not kept(denial, "any wrongdoing over the sale of the council land", "denied", need=AddingRules(cues=None, thinking=need.thinking, verbs=need.verbs))
    # ... or the direct object of a verb of speech or judgement, not a prepositional one
    objects = AddingRules(cues=None, thinking=need.thinking, verbs=need.verbs, saying=need.saying, objects=lexicon.object_speech)
    criticised = "The senator criticised the new tax plan in a speech on Monday."
    assert kept(criticised, "the new tax plan", "criticised", need=objects)
    assert not kept(criticised, "the new tax plan", "criticised")
    assert not kept("He spoke of the difficulties involved in changing party.", "the difficulties involved in changing party", "spoke of", need=objects)
    # a request made of someone
    assert not kept("Local party members called on him to resign his seat at once.", "him to resign his seat at once", "called")
    # the content holds a speaker and a reporting verb of its own
    assert not kept("Her decision shows she believes the party has changed for good.", "she believes the party has changed for good", "shows")
    # no cue is not speech; a word of belief is not either when the thinking words are barred
    assert not kept(text, "the new tram line would open before the election", None)
    hope = "The mayor hopes the new tram line will open before the election."
    assert not kept(hope, "the new tram line will open before the election", "hopes")
    assert kept(hope, "the new tram line will open before the election", "hopes", need=AddingRules(cues=None, thinking=frozenset(), verbs=need.verbs))
    # a reporting word no lexicon lists is taken from the tagger, unless the lexicon is required
    mocked = "The minister mocked that the plan would never work at all."
    assert kept(mocked, "the plan would never work at all", "mocked")
    strict = AddingRules(cues=lexicon.speech, thinking=lexicon.beliefs, verbs=need.verbs)
    assert not kept(mocked, "the plan would never work at all", "mocked", need=strict)


def test_the_tagger_adds_beliefs_and_short_objects_of_saying_that_the_rules_leave():
    from crossfloor.settings import overriding

    with overriding(quote_filter=False):  # the tagger's own additions, before the learned filter
        nlp = build_pipeline("packaged")
        rules = build_pipeline("none")
    belief = "Most Labour backbenchers believe the leader will survive the vote."
    denial = "The minister denied the claim."
    assert not rules(belief)._.quotes and not rules(denial)._.quotes
    [thought] = nlp(belief)._.quotes
    assert (thought.text, thought.cue, thought.speaker) == ("the leader will survive the vote", "believe", "Most Labour backbenchers")
    [denied] = nlp(denial)._.quotes
    assert (denied.text, denied.cue, denied.speaker) == ("the claim", "denied", "The minister")
    # an intention's infinitive counts, an appearance's does not
    [plan] = nlp("The council leader plans to close the library next year.")._.quotes
    assert (plan.text, plan.cue) == ("to close the library next year", "plans")
    assert not nlp("The reform appeared to unite backbench MPs.")._.quotes


def test_a_sentence_the_rules_read_gets_nothing_more_from_the_tagger():
    from crossfloor.analyse.combine import in_rule_sentence

    text = 'The minister predicted more members would leave. "It is a hopeless cause," he said.'
    doc = build_pipeline("none")(text)
    [rule] = [a for a in doc._.attributions if a.kind == "direct"]
    assert in_rule_sentence(doc, model_attribution(text, "he said"), [rule])
    assert not in_rule_sentence(doc, model_attribution(text, "more members would leave"), [rule])


def test_rule_attributions_take_the_taggers_source_and_cue_boundaries():
    from crossfloor.analyse.attribution import Attribution
    from crossfloor.analyse.combine import take_model_bounds

    text = "Senate Majority Leader Mitch McConnell said on Monday that the bill would pass."
    rule = Attribution(start=text.index("the bill"), end=len(text) - 1, kind="indirect", found_by="clausal_complement",
                       source=(text.index("Mitch"), text.index(" said")), cue=(text.index("said"), text.index(" on")))
    other = Attribution(start=0, end=6, kind="indirect", found_by="clausal_complement", source=(0, 6), cue=(7, 12))
    model = model_attribution(text, "the bill would pass", "said", "Senate Majority Leader Mitch McConnell")
    take_model_bounds([rule, other], [model])
    assert text[slice(*rule.source)] == "Senate Majority Leader Mitch McConnell"
    assert text[slice(*rule.cue)] == "said"
    # an attribution over other words keeps its own
    assert other.source == (0, 6) and other.cue == (7, 12)


def test_rules_and_tagger_together_keep_offsets_inside_the_text():
    nlp = build_pipeline("packaged")
    text = shared_file("seeds").joinpath(sorted(p.name for p in shared_file("seeds").iterdir())[2]).read_text()
    result = analyse_texts(nlp, [text, INDIRECT])
    for t, r in zip([text, INDIRECT], result):
        assert_offsets_inside(t, r)
    assert any("the spending bill would fail" in q["text"] and q["speaker"] for q in result[1].quotes)
    rules_only = analyse_texts(build_pipeline("none"), [text])[0]
    # Rules first: every rule quote survives the combination.
    assert {(q["start"], q["end"]) for q in rules_only.quotes} <= {(q["start"], q["end"]) for q in result[0].quotes}


def test_fast_and_model_modes_from_the_command_line(tmp_path):
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": "a", "text": INDIRECT}) + "\n")
    out = {}
    shipped = {k: v for k, v in os.environ.items() if k != "CROSSFLOOR_ATTRIBUTION_MODEL"}
    for mode in (["--fast"], []):
        done = subprocess.run([sys.executable, "-m", "crossfloor.cli", *mode, "extract", str(lines), "--processes", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=shipped)
        assert done.returncode == 0, done.stderr
        out[" ".join(mode) or "default"] = json.loads(done.stdout.splitlines()[0])["quotes"]
    # the default runs the tagger beside the rules: the indirect speech and its cue are found
    assert any(q["cue"] and q["cue"].startswith("told") for q in out["default"])
    bad = subprocess.run([sys.executable, "-m", "crossfloor.cli", "--attribution-model", str(tmp_path), "extract", str(lines)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "not a trained attribution model" in bad.stderr


def crossfloor(*args) -> subprocess.CompletedProcess:
    """The command line, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "crossfloor.cli", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=600)


def train_briefly(out, *options) -> subprocess.CompletedProcess:
    """`crossfloor train attribution` for one epoch on two documents of PolNeAR train and dev."""
    train = shared_file("benchmarks", "quotes", "polnear-train.jsonl")
    dev = shared_file("benchmarks", "quotes", "polnear-dev.jsonl")
    return crossfloor("train", "attribution", "--train", train, "--dev", dev, "-o", out, "--epochs", 1, "--limit-docs", 2, *options)


def test_a_few_training_steps_write_a_loadable_model_with_its_card(tmp_path):
    out = tmp_path / "model"
    done = train_briefly(out, "--max-steps", 3, "--layers", 1)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "dev exact content" in done.stdout
    card = (out / "README.md").read_text()
    assert "US political news" in card and "2015-2016" in card
    report = json.loads((out / "crossfloor.json").read_text())["training"]
    assert report["config"]["seed"] == 13 and report["history"][0]["step"] == 3
    assert isinstance(SpanTagger.load(out)(INDIRECT), list)
    # going on from that model: epoch 0 is the model itself, and the card keeps its history
    more = tmp_path / "more"
    done = train_briefly(more, "--max-steps", 2, "--init", out, "--learning-rate", "1e-5")
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads((more / "crossfloor.json").read_text())["training"]
    assert [h["epoch"] for h in report["history"]] == [0, 1]
    assert report["config"]["layers"] == 1 and report["continued_from"]["history"][0]["step"] == 3
    assert "Gone on from an earlier model" in (more / "README.md").read_text()
    # the two joined into an ensemble; a model of another shape is refused
    dev = shared_file("benchmarks", "quotes", "polnear-dev.jsonl")
    joined = tmp_path / "joined"
    done = crossfloor("train", "ensemble", out, more, "--dev", dev, "-o", joined)
    assert done.returncode == 0, done.stderr[-2000:]
    settings = json.loads((joined / "crossfloor.json").read_text())
    assert settings["members"] == ["tagger.safetensors", "tagger.2.safetensors"]
    assert [m["history"][-1]["step"] for m in settings["training"]["members"]] == [3, 2]
    assert "An ensemble of 2" in (joined / "README.md").read_text()
    bad = crossfloor("train", "ensemble", out, PACKAGED_MODEL, "--dev", dev, "-o", tmp_path / "x")
    assert bad.returncode == 2 and "differ in base encoder, layers or window size" in bad.stderr


def test_two_seeds_train_an_ensemble_that_averages_its_members(tmp_path):
    import numpy as np
    import torch

    from crossfloor.analyse.spanmodel import pad, windows

    out = tmp_path / "model"
    done = train_briefly(out, "--max-steps", 2, "--layers", 1, "--seed", 3, "--seed", 4)
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]  # the members' own directories are gone
    report = json.loads((out / "crossfloor.json").read_text())["training"]
    assert [m["config"]["seed"] for m in report["members"]] == [3, 4]
    assert "--seed 3 --seed 4" in (out / "README.md").read_text()
    ensemble = SpanTagger.load(out)
    assert len(ensemble.networks) == 2
    window = windows(ensemble.tokenizer, INDIRECT, ensemble.max_tokens)[0]
    ids, mask = pad(ensemble.tokenizer, [window.ids], torch)
    with torch.inference_mode():
        each = [torch.log_softmax(n(ids, mask).float(), -1).numpy()[0, 1 : len(window.ids) + 1] for n in ensemble.networks]
    assert not np.allclose(each[0], each[1])
    assert ensemble.tag([window])[0] == best_tags(np.log((np.exp(each[0]) + np.exp(each[1])) / 2))
