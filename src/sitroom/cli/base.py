"""The `sitroom` command group and what every command shares: settings and error translation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from sitroom import __version__
from sitroom.errors import SitroomError

if TYPE_CHECKING:
    from sitroom.config import Settings


class _Commands(click.Group):
    """Translates sitroom's errors, once, into one line on standard error and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SitroomError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitroom")
def cli() -> None:
    """sitroom: news reports about a war in, a structured, mapped, searchable record out."""


def main() -> None:
    """Entry point of the `sitroom` command."""
    cli()


def settings() -> Settings:
    """The settings of this invocation (SITROOM_* environment variables)."""
    from sitroom.config import Settings

    return Settings()
