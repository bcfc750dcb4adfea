"""`sitroom serve`: the API and the web page over the configured database."""

from __future__ import annotations

import click

from sitroom.cli.base import cli, settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@cli.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on (0.0.0.0 for every one).")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True, help="Port.")
def serve(host: str, port: int) -> None:
    """Serve the web page (map, timeline, events, statements) at / and the API at /api (docs at /docs)."""
    run_server(host, port)


def run_server(host: str, port: int) -> None:
    """Run the application on host:port until interrupted."""
    import uvicorn

    from sitroom.api import create_app

    config = settings()
    click.echo(f"serving {config.resolved_database_url()} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")
