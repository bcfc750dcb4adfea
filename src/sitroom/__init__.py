"""sitroom: news reports about a war in, a structured, mapped, searchable record out.

Importing this package loads no model, opens no database and reads no gazetteer.
"""

__version__ = "0.1.0"
