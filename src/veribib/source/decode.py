"""Turn a file's bytes into text, and tell text from binary junk."""

from __future__ import annotations

import codecs

from veribib.errors import InputError
from veribib.model import Origin, Warning_

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text files (tab, newlines, form feed and ESC excluded).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def looks_binary(head: bytes) -> bool:
    """True when the first bytes of a file are not text (NUL bytes or many control bytes)."""
    if not head or bom_encoding(head) is not None:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(2, len(head) // 50)


def decode_text(path: str, data: bytes) -> tuple[str, tuple[Warning_, ...]]:
    """Decode bytes as UTF-8 (or the encoding a BOM names), falling back to Windows-1252.

    Newlines are normalised to ``\\n``. Raises ``InputError`` when the bytes are not text.
    """
    encoding = bom_encoding(data[:4])
    warnings: tuple[Warning_, ...] = ()
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} text ({exc.reason})") from None
    else:
        if looks_binary(data[:8192]):
            raise InputError(path, "binary data, not a document veribib can read")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings = (
                Warning_(Origin(path), "not UTF-8; read as Windows-1252 (check accented letters)"),
            )
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


__all__ = ["bom_encoding", "decode_text", "looks_binary"]
