"""D: scraping debris left in text after extraction (site chrome, counters, teasers, captions)."""

RULES: tuple = ()
