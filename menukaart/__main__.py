"""`python -m menukaart`: the command line, with the current folder as content root."""
import sys

from .cli import main

sys.exit(main())
