"""The site generators a build can hand its staged docs to: the only module that knows them.

- mkdocs      MkDocs 1.6 with Material for MkDocs 9.x (the default)
- properdocs  ProperDocs, the maintained fork of MkDocs 1.6, with the same theme
- zensical    Zensical, the successor of Material for MkDocs, reading the same mkdocs.yml

Each gets the same mkdocs.yml (resources.MKDOCS_CONFIG) with the values of this build:
the edition, the footer line, the entry pages kept out of the navigation and, for the
internal edition, the editors' page in it. None may ship a search of its own: the site
has one that works from file://. The optional generators are extras
(`pip install -e ".[properdocs]"`, `".[zensical]"`).
"""
from __future__ import annotations

import logging
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from .resources import MKDOCS_CONFIG, OVERRIDES_DIR
from .site_paths import HEADER_SEARCH_SCRIPTS

GENERATORS = ("mkdocs", "properdocs", "zensical")
DEFAULT = "mkdocs"
EXTRA_OF = {"properdocs": "properdocs", "zensical": "zensical"}  # pip extra that installs it


class GeneratorError(Exception):
    """The generator refused the pages, or is not installed; the message says why, in Dutch."""


@dataclass(frozen=True)
class Settings:
    edition: str                   # "public" or "internal"
    copyright: str                 # the footer line
    not_in_nav: str                # gitignore-style patterns of pages reached from overviews only
    extra_nav: tuple[tuple[str, str], ...] = ()  # (title, page) appended to the navigation


def generate(name: str, docs_dir: Path, site_dir: Path, settings: Settings) -> None:
    if name not in GENERATORS:
        raise GeneratorError(f"onbekende generator '{name}'; kies uit: {', '.join(GENERATORS)}")
    if name == "zensical":
        _zensical(docs_dir, site_dir, settings)
    else:
        _mkdocs_family(name, docs_dir, site_dir, settings)
    _drop_the_theme_search(site_dir)


# The theme's own search (a worker, its lunr copies, Zensical's index): never loaded,
# since the site searches with assets/search/ and assets/vendor/lunr/. Left out of the site
# and the offline zip, so nobody mistakes them for the search that runs.
THEME_SEARCH = ("search.json", "search/search_index.json", "assets/javascripts/workers", "assets/javascripts/lunr")


def _drop_the_theme_search(site_dir: Path) -> None:
    for unused in THEME_SEARCH:
        target = site_dir / unused
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    search_dir = site_dir / "search"
    if search_dir.is_dir() and not any(search_dir.iterdir()):
        search_dir.rmdir()


def _not_installed(name: str) -> GeneratorError:
    return GeneratorError(f"generator '{name}' is niet geïnstalleerd; installeer hem met "
                          f"pip install -e \".[{EXTRA_OF[name]}]\"")


def _mkdocs_family(name: str, docs_dir: Path, site_dir: Path, settings: Settings) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        if name == "properdocs":
            import properdocs.replacement  # noqa: F401  as its own command does: mkdocs.* becomes properdocs.*
            from properdocs.commands.build import build
            from properdocs.config import load_config
            from properdocs.exceptions import MkDocsException
        else:
            from mkdocs.commands.build import build
            from mkdocs.config import load_config
            from mkdocs.exceptions import MkDocsException
    except ImportError:
        raise _not_installed(name) from None
    with _collected_warnings(name) as warnings:
        try:
            config = load_config(config_file=str(MKDOCS_CONFIG), docs_dir=str(docs_dir), site_dir=str(site_dir),
                                 not_in_nav=settings.not_in_nav)
            config["extra"]["edition"] = settings.edition
            config["extra"]["search_scripts"] = HEADER_SEARCH_SCRIPTS
            config["copyright"] = settings.copyright
            config["nav"].extend({title: page} for title, page in settings.extra_nav)
            build(config)
        except (MkDocsException, SystemExit) as error:
            raise GeneratorError("\n".join(warnings) or str(error)) from None


def _zensical(docs_dir: Path, site_dir: Path, settings: Settings) -> None:
    """Zensical reads a config file beside a relative docs_dir and writes the site beside it."""
    try:
        import zensical
    except ImportError:
        raise _not_installed("zensical") from None
    project = docs_dir.parent
    config = yaml.safe_load(MKDOCS_CONFIG.read_text(encoding="utf-8"))
    config.update(docs_dir=docs_dir.name, site_dir=site_dir.name, copyright=settings.copyright,
                  not_in_nav=settings.not_in_nav,
                  # Its own search runs unless switched off; the site ships its own.
                  plugins=[{"search": {"enabled": False}}])
    config["extra"]["edition"] = settings.edition
    config["extra"]["search_scripts"] = HEADER_SEARCH_SCRIPTS
    config["nav"].extend({title: page} for title, page in settings.extra_nav)
    # The look of Material 9 (its "modern" default hides the header search field), and
    # the overrides from the project, copied beside the config as Zensical wants them.
    config["theme"].update(variant="classic", custom_dir="overrides")
    shutil.copytree(OVERRIDES_DIR, project / "overrides", dirs_exist_ok=True)
    config_file = project / "zensical.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        zensical.build(str(config_file), {"strict": True, "clean": True})
    except Exception as error:  # it raises its own error types, with its messages
        raise GeneratorError(" ".join(str(error).split())) from None


@contextmanager
def _collected_warnings(logger_name: str):
    """Collect the generator's warnings to report them, and keep its INFO chatter out of the output."""
    messages: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger(logger_name)
    handler = Collector(level=logging.WARNING)
    previous = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous[0])
        logger.propagate = previous[1]
