"""The `sitroom` command: a thin skin over the library. Each command parses, calls one library
function and translates errors. Commands live in the modules of this package, by subject."""

from sitroom.cli import (
    gazetteer,  # noqa: F401  (registers its commands)
    records,  # noqa: F401  (registers its commands)
    serve,  # noqa: F401  (registers its commands)
    web,  # noqa: F401  (registers its commands)
)
from sitroom.cli.base import cli, main

__all__ = ["cli", "main"]
