"""Measured speed-ups for modules other branches own (load/yaml.py, model/build.py).

Each is a drop-in with the same output as the code it replaces; `stages` measures them and
asserts equal findings and summaries. Apply them at merge time (see docs/performance.md).
"""
