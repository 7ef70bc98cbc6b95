"""An OAI-PMH 2.0 data provider for the library's resources (``/oai``), with ``oai_dc``."""
