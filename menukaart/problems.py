"""Problems found in the content, reported all at once as `file:line: field: message`."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field or '-'}: {self.message}"


@dataclass
class Problems:
    """Collects problems while every file is still checked, so one run reports them all."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path | str, line: int | None, field_name: str, message: str) -> None:
        self.items.append(Problem(self.relative(path), line or 0, field_name, message))

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self) -> str:
        lines = [str(p) for p in sorted(set(self.items))]
        count = len(lines)
        lines.append(f"{count} fout gevonden." if count == 1 else f"{count} fouten gevonden.")
        return "\n".join(lines)
