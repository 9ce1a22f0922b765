"""Annotated statement archive: raw seeds and curated YAML in, a static MkDocs site out."""
