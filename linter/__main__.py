"""``python -m linter`` runs the texthygiene command line."""

import sys

from linter.cli import main

if __name__ == "__main__":
    sys.exit(main())
