"""Source maps: from a value path inside a document to where it stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field

from sinkron.findings import Location

Path = tuple[str | int, ...]
# (line, column) 1-based for YAML, (sheet, cell) for workbooks
Pos = tuple[int, int] | tuple[str, str]


@dataclass
class SourceMap:
    file: str
    values: dict[Path, Pos] = field(default_factory=dict)
    keys: dict[Path, Pos] = field(default_factory=dict)

    def _location(self, pos: Pos | None) -> Location:
        if pos is None:
            return Location(self.file)
        a, b = pos
        if isinstance(a, str):
            return Location(self.file, sheet=a, cell=str(b))
        return Location(self.file, line=a, column=int(b))

    def value(self, path: Path) -> Location:
        """Where the value at `path` starts; the nearest enclosing value when it is absent."""
        for n in range(len(path), -1, -1):
            pos = self.values.get(path[:n])
            if pos is not None:
                return self._location(pos)
        return Location(self.file)

    def key(self, path: Path) -> Location:
        """Where the key of `path` stands (for unknown keys); else its value."""
        pos = self.keys.get(path)
        return self._location(pos) if pos is not None else self.value(path)

    def sub(self, prefix: Path) -> SourceMap:
        """The part of the map under `prefix`, re-rooted (for one village of a workbook)."""
        n = len(prefix)
        out = SourceMap(self.file)
        out.values = {p[n:]: v for p, v in self.values.items() if p[:n] == prefix}
        out.keys = {p[n:]: v for p, v in self.keys.items() if p[:n] == prefix}
        return out
