#!/usr/bin/env python3
"""Build the Menukaart mensensmokkel site. See README.md, or run with --help."""
import sys
from pathlib import Path

from menukaart.cli import main

if __name__ == "__main__":
    # The repository is the content root: site/, site-intern/ and dist/ go beside this file.
    sys.exit(main(root=Path(__file__).resolve().parent))
