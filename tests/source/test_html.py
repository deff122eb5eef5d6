"""HTML pages: sections by heading, list items, Reference: lines, source line numbers."""

from __future__ import annotations

from veribib.source import read_document

PAGE = b"""<!DOCTYPE html>
<html><head><title>T</title><style>p { color: red }</style>
<script>var refs = "Smith, J. (2020). Fake. Journal 1, 2.";</script></head>
<body>
<h1>Exosomes in skin</h1>
<p>Exosomes are promising (Xing et al., 2020) and
also studied by Smith and Jones (2019) [1].</p>
<p>Reference: Harper, R., et al. (2022). Clinical evaluation of platelet-derived exosome serum.
Aesthetic Surgery Journal, 42(10), 1185-1194.</p>
<h2>References</h2>
<ol>
  <li>Xing, X., Han, S., Li, Z. and Li, Z. 2020. Emerging role of exosomes in
      craniofacial and dental applications. <i>Theranostics</i> 10, 8648&ndash;8664.
      doi: <a href="https://doi.org/10.7150/thno.48291">10.7150/thno.48291</a></li>
  <li><p>Smith, J. and Jones, K. (2019). Another paper. Nature 1, 2&#8211;3.</p></li>
</ol>
<h2>About us</h2>
<p>Contact: info@example.com. Founded 2019 (Lee, 2018).</p>
</body></html>
"""


def test_html_references_by_heading_and_inline_line() -> None:
    doc = read_document("page.html", PAGE)
    assert doc.format == "html"
    assert [(r.origin.line, r.key) for r in doc.references] == [(8, None), (12, "1"), (15, "2")]
    assert doc.references[0].text.startswith("Harper, R., et al. (2022). Clinical evaluation")
    assert doc.references[1].text == (
        "Xing, X., Han, S., Li, Z. and Li, Z. 2020. Emerging role of exosomes in craniofacial "
        "and dental applications. Theranostics 10, 8648–8664. doi: 10.7150/thno.48291"
    )
    assert doc.references[2].text == "Smith, J. and Jones, K. (2019). Another paper. Nature 1, 2–3."
    assert not any("Fake" in r.text for r in doc.references)  # script dropped


def test_html_citations_keep_source_lines_and_skip_the_list() -> None:
    doc = read_document("page.html", PAGE)
    assert [(c.text, c.origin.line) for c in doc.citations] == [
        ("(Xing et al., 2020)", 6),
        ("Smith and Jones (2019)", 7),
        ("[1]", 7),
        ("(Lee, 2018)", 18),
    ]


def test_html_reference_container_without_heading() -> None:
    page = b"""<html><body><p>Text.</p>
<ol class="references" start="5">
<li>Lee, K. (2021). Second paper. Journal 4, 5-6.</li>
<li>Kim, H. (2022). Third paper. Journal 7, 8-9.</li>
</ol></body></html>"""
    doc = read_document("wiki.html", page)
    assert [(r.origin.line, r.key) for r in doc.references] == [(3, "5"), (4, "6")]


def test_html_paragraph_list_under_a_bold_heading() -> None:
    page = b"""<html><body>
<p><strong>Bibliography</strong></p>
<p>Smith, J. 2020. Paper one. Journal 1, 2-3.<br>Lee, K. 2021. Paper two. Journal 4, 5-6.</p>
<p>Kim, H. 2022. Paper three. Journal 7, 8-9.</p>
</body></html>"""
    doc = read_document("p.htm", page)
    assert [r.text.split(".")[0] for r in doc.references] == ["Smith, J", "Lee, K", "Kim, H"]


def test_html_without_references_warns() -> None:
    doc = read_document("empty.html", b"<html><body><p>Nothing to see.</p></body></html>")
    assert doc.references == ()
    assert [w.message for w in doc.warnings] == ["no references found on the page"]


def test_broken_markup_is_tolerated() -> None:
    page = (
        b"<html><body><h2>References<ol>"
        b"<li>Smith, J. 2020. Paper. J 1, 2-3.<li>Lee, K. 2021. Two. J 4, 5."
    )
    doc = read_document("broken.html", page)
    assert len(doc.references) == 2
