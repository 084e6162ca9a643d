"""Stage 1: bytes -> plain data (dicts, lists, strings) plus a source map of positions."""
