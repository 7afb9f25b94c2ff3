"""Menukaart mensensmokkel: from YAML entries to an offline, searchable catalogue site.

One module per step: sources (load YAML) → validate → catalogue (link) → render →
search_index → site_build (mkdocs) → package (offline zip). `cli` ties them together.
"""
