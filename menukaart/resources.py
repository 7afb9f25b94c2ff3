"""Where the project's own files are: schemas, templates, hand-written pages, theme overrides
and the MkDocs configuration.

In a source checkout they sit at the top of the repository; an installed package
(`pip install .`, not editable) carries them as package data in menukaart/project/,
whose entries are symlinks to those top-level folders, so each file exists once.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR / "project"

TEMPLATE_DIR = PACKAGE_DIR / "templates"
SCHEMA_DIR = (PROJECT_DIR / "schema").resolve()  # the real folders: watched and reported as they are
HANDWRITTEN_DOCS = (PROJECT_DIR / "docs").resolve()
OVERRIDES_DIR = (PROJECT_DIR / "overrides").resolve()
MKDOCS_CONFIG = (PROJECT_DIR / "mkdocs.yml").resolve()

# What the live preview watches besides the content: a change to any of these rebuilds.
BUILD_INPUTS = (HANDWRITTEN_DOCS, TEMPLATE_DIR, SCHEMA_DIR, OVERRIDES_DIR, MKDOCS_CONFIG)
