"""The speaker passes, one module each, named as the pass is. Source passes define
`resolve(article, source)`: they settle the source (`source.settle(speaker)`) when they recognise
it, else leave it to the passes after them. Venue passes define `resolve_venue(article, said)` and
run for each attribution in turn; `carried_venue` defines `carry(article)` and runs once the
speakers of continuations are known. `..order` lists them in the order they run."""
