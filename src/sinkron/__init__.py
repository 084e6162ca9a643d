"""sinkron: checks that village development plans line up with the targets of their regency."""

__version__ = "1.0.0"
