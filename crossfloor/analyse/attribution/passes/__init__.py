"""The attribution passes, one rule each; `..registry` lists them in the order they run."""
