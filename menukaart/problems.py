"""Problems found in the content, reported all at once as `file:line: field: message`.

Every problem is exactly one line, whatever the content holds: newlines and other
control characters in a file name, a field name or a quoted value are shown by their
code, and long values are shortened, so a report can be read and grepped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# One file can hold thousands of mistakes (a pasted list, a wrong indentation); beyond
# this many the rest of that file is summed up in one line.
MAX_PER_FILE = 25
MAX_MESSAGE = 300  # characters of one message

# Characters that may not appear in content text: C0 controls except tab and newline
# (tab is refused separately), DEL, C1 controls, the Unicode line and paragraph
# separators (YAML and JavaScript treat them as line breaks) and the non-characters
# that XML, and so the XLSX export, cannot hold.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_C0_NAMES = ("NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB "
             "CAN EM SUB ESC FS GS RS US").split()


def character_name(char: str) -> str:
    """'U+001B (ESC)', 'U+0085', 'U+2028 (LINE SEPARATOR)': how a message names a character."""
    code = ord(char)
    if code < 32:
        name = _C0_NAMES[code]
    elif code == 127:
        name = "DEL"
    else:
        name = unicodedata.name(char, "")
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def one_line(text: str) -> str:
    """Text with every control character written as <U+XXXX>, so it stays on one line."""
    return _UNPRINTABLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def shown(value: object, limit: int = 60) -> str:
    """A value quoted in a message: one line, at most `limit` characters."""
    text = one_line(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        message = one_line(self.message)
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 1] + "…"
        return f"{shown(self.file, 200)}:{max(self.line, 1)}: {shown(self.field or '-', 120)}: {message}"


@dataclass
class Problems:
    """Collects problems while every file is still checked, so one run reports them all."""

    root: Path
    items: list[Problem] = field(default_factory=list)
    _per_file: dict[str, int] = field(default_factory=dict)
    _incomplete: set[str] = field(default_factory=set)  # files where the check stopped looking

    def add(self, path: Path | str, line: int | None, field_name: str, message: str) -> None:
        """A problem in a file; a problem with the file as a whole is placed on line 1."""
        name = self.relative(path)
        self._per_file[name] = self._per_file.get(name, 0) + 1
        if self._per_file[name] <= MAX_PER_FILE:
            self.items.append(Problem(name, max(line or 1, 1), field_name, message))

    def mark_incomplete(self, path: Path | str) -> None:
        """The file has more problems than were looked for."""
        self._incomplete.add(self.relative(path))

    def relative(self, path: Path | str) -> str:
        """The path as the author knows it: relative to the content root, links not followed."""
        path = Path(path)
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        """Every problem found, also those summed up in an 'en nog …' line."""
        hidden = sum(count - MAX_PER_FILE for count in self._per_file.values() if count > MAX_PER_FILE)
        return len(set(self.items)) + hidden

    def lines(self) -> list[str]:
        lines = [str(p) for p in sorted(set(self.items))]
        for name, count in sorted(self._per_file.items()):
            if count > MAX_PER_FILE:
                more = "minstens " if name in self._incomplete else ""
                lines.append(str(Problem(name, 1, "-", f"en nog {more}{count - MAX_PER_FILE} fouten in dit bestand; "
                                                          "los eerst de fouten hierboven op")))
        return lines

    def report(self) -> str:
        return "\n".join([*self.lines(), count_line(len(self))])


def count_line(count: int) -> str:
    """The last line of a report: how many problems were found."""
    return f"{count} fout gevonden." if count == 1 else f"{count} fouten gevonden."
