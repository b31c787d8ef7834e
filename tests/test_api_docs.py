"""The examples of docs/api.md run as they are written (doctest): the library API, records,
crossfloor's components in a user's own spaCy pipeline, and render."""

import doctest

from tests.conftest import ROOT


def test_the_api_page_examples_run():
    failed, attempted = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert attempted >= 15
    assert failed == 0


def test_a_failing_example_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```python\n>>> import crossfloor\n>>> crossfloor.__version__\n'not the version'\n\n```\n")
    failed, _ = doctest.testfile(str(page), module_relative=False, report=False)
    assert failed == 1
