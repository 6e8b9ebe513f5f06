"""texthygiene: find, explain and fix scraping debris, mojibake, name variants and typography slips."""

__version__ = "0.1.0"
