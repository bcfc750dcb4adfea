"""Commands over the gazetteer: import, download, stats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sitroom.cli.base import cli, settings

if TYPE_CHECKING:
    from sitroom.geocode.sources import ImportReport


@cli.group()
def gazetteer() -> None:
    """The places sitroom knows: the embedded gazetteer and GeoNames dumps imported into the database."""


@gazetteer.command(name="import")
@click.argument("path", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
def import_(path: Path) -> None:
    """Import a GeoNames dump (the place dump UA.txt or the postal-code dump, .txt or .zip) into the
    configured database; importing the same file again replaces its places."""
    from sitroom.geocode.sources import import_dump

    with _bar() as bar:
        report = import_dump(path, settings().resolved_database_url(), progress=bar.update)
    _echo(report)


@gazetteer.command()
@click.argument("country")
@click.option("--postal", is_flag=True, help="The postal-code dump (export/zip) instead of the place dump.")
@click.option("--url-base", help="Where the COUNTRY.zip files are (default: download.geonames.org).")
def download(country: str, postal: bool, url_base: str | None) -> None:
    """Download the GeoNames dump of a COUNTRY code such as UA and import it into the database."""
    from sitroom.geocode.sources import download_dump

    config = settings()
    with _bar() as bar:
        report = download_dump(
            country,
            config.resolved_database_url(),
            config.data_dir / "geonames",
            postal=postal,
            url_base=url_base,
            timeout=config.fetch_timeout * 4,
            progress=bar.update,
        )
    _echo(report)


@gazetteer.command()
def stats() -> None:
    """Show the embedded gazetteer's entries and the imported places by file and country."""
    from sitroom.geocode.sources import gazetteer_stats

    config = settings()
    found = gazetteer_stats(config.resolved_database_url(), config.codifier_file)
    click.echo("embedded: " + ", ".join(f"{n} {feature}" for feature, n in found.embedded.items()))
    if not found.imported:
        click.echo("imported: nothing (sitroom gazetteer import FILE)")
    for row in found.imported:
        click.echo(f"imported: {row.places} places of {row.country} from {row.source}")


def _bar() -> Any:
    from sitroom.cli.records import _progress_bar

    return _progress_bar(unit="place")


def _echo(report: ImportReport) -> None:
    click.echo(f"imported {report.places} places from {report.source} in {report.seconds:.1f} s")
