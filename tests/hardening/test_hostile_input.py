"""Untrusted files are never expanded dangerously; oversized input is refused clearly."""

from __future__ import annotations

import tracemalloc
import zlib
from pathlib import Path

import pytest

from veribib.errors import InputError
from veribib.source import DEFAULT_MAX_BYTES, read_document

from .support import cli_env, run_cli

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE article [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<article><back><ref-list><ref id="r1"><mixed-citation>Smith J. &lol9; A title.
Nature. 2020;1:2.</mixed-citation></ref></ref-list></back></article>"""


def _xxe(target: Path) -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE article [<!ENTITY xxe SYSTEM "file://'
        + str(target).encode()
        + b'">]>\n<article><back><ref-list><ref id="r1"><mixed-citation>Smith J. &xxe; A title.'
        b" Nature. 2020;1:2.</mixed-citation></ref></ref-list></back></article>"
    )


def _pdf_bomb(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB (of spaces)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    stream = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _text_of(name: str, data: bytes) -> str:
    """Everything a read document holds as text, or the InputError's message."""
    try:
        document = read_document(name, data=data)
    except InputError as exc:
        return str(exc)
    return " ".join([r.text for r in document.references] + [w.message for w in document.warnings])


@pytest.mark.parametrize("name", ["laughs.nxml", "laughs.xml"])
def test_billion_laughs_is_not_expanded(name: str) -> None:
    tracemalloc.start()
    try:
        text = _text_of(name, LAUGHS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "lollollol" not in text
    assert len(text) < 10_000
    assert peak < 50 * 1024 * 1024


def test_external_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT-42", encoding="utf-8")
    for name in ("xxe.nxml", "xxe.xml"):
        assert "TOP-SECRET-CONTENT-42" not in _text_of(name, _xxe(secret))


def test_pdf_decompression_bomb_is_capped() -> None:
    bomb = _pdf_bomb(400)  # 400 MB once inflated, ~0.4 MB as written
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        text = _text_of("bomb.pdf", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 250 * 1024 * 1024
    # The size cap stopped reading, and the message says so rather than "damaged".
    assert text.startswith("bomb.pdf: PDF content larger than the size limit")


def test_input_over_the_size_limit_is_refused_by_name() -> None:
    data = b"x" * (DEFAULT_MAX_BYTES + 1)
    with pytest.raises(InputError, match=r"big\.bib: .*over the 50\.0 MB limit"):
        read_document("big.bib", data=data)


def test_fifty_megabytes_of_text_is_refused_with_a_clear_message() -> None:
    line = b"Smith J, Doe B. A title of a paper. Nature. 2020;12(3):45-67.\n"
    data = (line * (DEFAULT_MAX_BYTES // len(line) + 1))[:DEFAULT_MAX_BYTES]
    with pytest.raises(InputError, match=r"big\.txt: .*characters.*split the file"):
        read_document("big.txt", data=data)


def test_cli_refuses_an_oversized_file_and_names_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.bib"
    with big.open("wb") as fh:
        fh.truncate(DEFAULT_MAX_BYTES + 1024)  # sparse: costs no disk
    result = run_cli(
        ["check", str(big), "--offline", "-q"], cli_env(None, tmp_path / "db.sqlite"), cwd=tmp_path
    )
    assert result.returncode == 2
    assert str(big) in result.stderr
    assert "limit" in result.stderr
    assert "Traceback" not in result.stderr
