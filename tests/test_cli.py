"""The command line as the README describes it: default folders, one line per problem."""
from __future__ import annotations

import shutil
import zipfile

from menukaart import cli
from tests.support import FIXTURE_CONTENT


def test_default_folders_are_site_site_intern_and_dist(tmp_path, monkeypatch, capsys):
    """Without --content, --out and --dist: the content is the repository, the site goes to site/
    (site-intern/ for the internal edition) and the zip to dist/, all beside build_site.py."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE_CONTENT, repo)
    assert cli.main([], root=repo) == 0
    monkeypatch.chdir(repo)  # the installed command's root: the current folder
    assert cli.main(["--edition", "internal"]) == 0
    out = capsys.readouterr().out
    assert f"Site: {repo / 'site'}\n" in out and f"Site: {repo / 'site-intern'}\n" in out
    assert (repo / "site/index.html").is_file() and (repo / "site-intern/redactie.html").is_file()
    assert not (repo / "site/redactie.html").exists()
    assert sorted(p.name for p in (repo / "dist").glob("*.zip")) == ["menukaart-mensensmokkel-intern.zip",
                                                                      "menukaart-mensensmokkel.zip"]
    with zipfile.ZipFile(repo / "dist/menukaart-mensensmokkel-intern.zip") as archive:
        assert "menukaart/redactie.html" in archive.namelist()


def test_an_unexpected_error_is_one_line_not_a_traceback(monkeypatch, capsys):
    from menukaart import validate

    def broken(root):
        raise RuntimeError("onverwacht\nop twee regels")
    monkeypatch.setattr(cli, "load_catalogue", broken)
    monkeypatch.delenv("MENUKAART_DEBUG", raising=False)
    assert cli.main(["--check"]) == 2
    err = capsys.readouterr().err
    assert err == ("interne fout (RuntimeError: onverwacht<U+000A>op twee regels); meld dit aan de beheerders, met "
                   "MENUKAART_DEBUG=1 ziet u de details\n")
    assert validate.load_catalogue is not broken


def test_a_generator_that_is_not_installed_is_one_line_and_keeps_the_site(tmp_path, monkeypatch, capsys):
    import sys
    from tests.support import build
    out = tmp_path / "site"
    assert build(FIXTURE_CONTENT, out) == 0
    monkeypatch.setitem(sys.modules, "zensical", None)  # as if the extra were not installed
    capsys.readouterr()
    assert build(FIXTURE_CONTENT, out, generator="zensical") == 1
    err = capsys.readouterr().err
    assert "generator 'zensical' is niet geïnstalleerd; installeer hem met pip install -e \".[zensical]\"" in err
    assert (out / "index.html").is_file(), "the last good site stays"
