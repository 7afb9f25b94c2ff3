#!/usr/bin/env python3
"""Build the Menukaart mensensmokkel site. See README.md, or run with --help."""
import sys

from menukaart.cli import main

if __name__ == "__main__":
    sys.exit(main())
