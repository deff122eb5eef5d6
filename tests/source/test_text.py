"""Finding and splitting reference lists in running text."""

from __future__ import annotations

from veribib.source.text import read_text


def texts(text: str) -> list[str]:
    return [r.text for r in read_text(text, "doc.txt").references]


def test_numbered_list_with_wrapped_entries_stops_at_appendix() -> None:
    doc = """Intro [1] and [2, 3].

References
1. Smith J, Jones K. A study of things. J Things. 2020;12(3):100-110. doi:10.1000/abc
2. Lee A, Wong B, Chan C, et al. Another study of many
   things over lines. Nature. 2019;500:1-10.
3. World Health Organization. Guidelines on stuff. Geneva: WHO; 2021.

Appendix A
Some appendix text from 2020.
"""
    result = read_text(doc, "doc.txt")
    assert [r.text for r in result.references] == [
        "Smith J, Jones K. A study of things. J Things. 2020;12(3):100-110. doi:10.1000/abc",
        "Lee A, Wong B, Chan C, et al. Another study of many things over lines. "
        "Nature. 2019;500:1-10.",
        "World Health Organization. Guidelines on stuff. Geneva: WHO; 2021.",
    ]
    assert [r.key for r in result.references] == ["1", "2", "3"]
    assert [r.origin.line for r in result.references] == [4, 5, 7]
    assert [c.number for c in result.citations] == [1, 2, 3]  # the list's own numbers are not


def test_bracketed_list_across_a_page_break_with_a_page_number() -> None:
    doc = """REFERENCES

[1] A. Author, "Title one," in Proc. Conf., 2019, pp. 1-2.
[2] B. Author and C. Author, "Title
two," IEEE Trans. X, vol. 3, no. 4, pp. 5-6, 2020.

12

[3] D. Author, Book. New York: Press, 2018.
"""
    assert texts(doc) == [
        'A. Author, "Title one," in Proc. Conf., 2019, pp. 1-2.',
        'B. Author and C. Author, "Title two," IEEE Trans. X, vol. 3, no. 4, pp. 5-6, 2020.',
        "D. Author, Book. New York: Press, 2018.",
    ]


def test_numbers_inside_an_entry_do_not_start_entries() -> None:
    doc = """References
1. Yang G, Lee Y. Overcome the barriers of the skin. Biomater Res.
2021. 25. doi:10.1186/s40824-021-00224-8
2. Zhao H. Effect study. J Orthop Surg Res 18,
160. doi:10.1186/s13018-023-03576-0
"""
    assert len(texts(doc)) == 2


def test_several_bracketed_entries_on_one_extracted_line() -> None:
    doc = "References\n[1] Ann A. One. J 1, 2020. [2] Bob B. Two. J 2, 2021. [3] Cy C. Tri. 2022.\n"
    assert texts(doc) == [
        "Ann A. One. J 1, 2020.",
        "Bob B. Two. J 2, 2021.",
        "Cy C. Tri. 2022.",
    ]


def test_works_cited_with_full_given_names() -> None:
    doc = """Works Cited
Smith, John. The Book of Things. Penguin, 2019.
Doe, Jane, and Richard Roe. "An Article." Journal of Stuff, vol. 2, no. 1, 2020, pp. 3-4.
Lee, Kim. "Web Page." Site Name, 12 May 2021, www.example.com/page.
"""
    assert [t.split(".")[0] for t in texts(doc)] == [
        "Smith, John",
        "Doe, Jane, and Richard Roe",
        "Lee, Kim",
    ]


def test_hanging_indent_apa_list_ends_at_copyright_footer() -> None:
    doc = """Bibliography

American Psychological Association. (2020). Publication manual of the American Psychological
    Association (7th ed.). https://doi.org/10.1037/0000165-000
Brown, T. B., Mann, B., Ryder, N., Subbiah, M., Kaplan, J., Dhariwal, P., ... Amodei, D. (2020).
    Language models are few-shot learners. arXiv:2005.14165.
Zhang, Y. (2019). Solo paper. Journal, 1(1), 1–2.

Copyright © 2024 Someone. All rights reserved.
"""
    got = texts(doc)
    assert len(got) == 3
    assert got[0].endswith("(7th ed.). https://doi.org/10.1037/0000165-000")
    assert got[1].startswith("Brown, T. B.") and got[1].endswith("arXiv:2005.14165.")
    assert not any("Copyright" in t for t in got)


def test_one_reference_per_line_with_organisation_authors() -> None:
    doc = """References
Smith J, Jones K. A study of things. J Things. 2020;12(3):100-110.
World Health Organization. Guidelines on stuff. Geneva: WHO; 2021.
National Cancer Institute. Cancer stats. https://www.cancer.gov/stats. Accessed 2022.
Lee A. Last one. Nature. 2019;500:1-10.
"""
    assert len(texts(doc)) == 4


def test_long_unwrapped_lines_are_one_entry_each_even_without_final_stop() -> None:
    long_a = (
        "Peeters B, Cornelius B, Janssens K (2007) Removing disturbing harmonics in operational "
        "modal analysis. In: Proceedings of the IOMAC 2007, Copenhagen"
    )
    long_b = (
        "Ransom, Robert L. and Sutch, Richard. 1977. One Kind of Freedom: The Economic "
        "Consequences of Emancipation. Cambridge University Press, Cambridge"
    )
    long_c = (
        "McHugh DJ (1987) Production, properties and uses of alginates. In: Production and "
        "utilization of products from commercial seaweeds. FAO, Rome"
    )
    assert texts("\n".join(["References", long_a, long_b, long_c])) == [long_a, long_b, long_c]


def test_weak_heading_over_prose_is_not_a_reference_list() -> None:
    doc = """Sources

Typically derived from human mesenchymal stem cells isolated from adipose tissue.

Advantages
"""
    result = read_text(doc, "doc.txt")
    assert result.references == ()
    assert [w.message for w in result.warnings] == ["no reference list or reference lines found"]


def test_inline_reference_lines_anywhere_and_wrapped_until_complete() -> None:
    doc = """Para one.

Reference: Harper, R., et al. (2022). Clinical evaluation of platelet-derived
exosome serum. Aesthetic Surgery Journal, 42(10), 1185-1194.
The next paragraph starts right here and is not part of it.

References: Lee, K., & Wong, A. (2024). A review. Open Forum, 6(2), ojae017.
Source: our own photograph
"""
    result = read_text(doc, "doc.txt")
    assert [(r.origin.line, r.text) for r in result.references] == [
        (
            3,
            "Harper, R., et al. (2022). Clinical evaluation of platelet-derived exosome serum. "
            "Aesthetic Surgery Journal, 42(10), 1185-1194.",
        ),
        (7, "Lee, K., & Wong, A. (2024). A review. Open Forum, 6(2), ojae017."),
    ]


def test_running_heads_repeated_across_pages_are_skipped() -> None:
    head = "Journal of Examples 12 (2024) 1-20"
    body = "\n".join(f"{head}\nBody text on page {n} (Smith, 2020).\n" for n in range(3))
    doc = (
        body
        + f"""
References
Smith, J. 2020. First paper title
that wraps. Journal 1, 2-3.

{head}
Lee, K. 2021. Second paper. Journal 4, 5-6.
"""
    )
    assert texts(doc) == [
        "Smith, J. 2020. First paper title that wraps. Journal 1, 2-3.",
        "Lee, K. 2021. Second paper. Journal 4, 5-6.",
    ]


def test_a_bare_list_of_references_without_heading() -> None:
    doc = """Smith, J. (2020). A bare list entry. Journal of Things, 1(2), 3-4.
Lee, K., & Wong, A. (2024). Another bare entry. Open Forum, 6(2), ojae017.
"""
    assert len(texts(doc)) == 2


def test_prose_without_references_gives_a_warning_not_junk() -> None:
    doc = "Just prose. Smith, J. said in 2020 that things happen.\nNothing else here."
    result = read_text(doc, "doc.txt")
    assert result.references == ()
    assert len(result.warnings) == 1


def test_list_ends_at_a_non_reference_block_after_a_gap() -> None:
    doc = """References
Smith, J. 2020. Paper one. Journal 1, 2-3. doi: 10.1000/one

About the author
Jane Roe writes about science and lives in Leeds.
"""
    assert texts(doc) == ["Smith, J. 2020. Paper one. Journal 1, 2-3. doi: 10.1000/one"]


def test_entry_continued_after_a_page_break_mid_entry() -> None:
    doc = """References
Smith, J. 2020. A paper whose title runs on and on and
over the page. Journal 1, 2-3.

Lee, K. 2021. Title that wraps onto the next
page of the list

and finishes here. Journal 4, 5-6.
"""
    assert texts(doc) == [
        "Smith, J. 2020. A paper whose title runs on and on and over the page. Journal 1, 2-3.",
        "Lee, K. 2021. Title that wraps onto the next page of the list and finishes here. "
        "Journal 4, 5-6.",
    ]


def test_form_feeds_and_crlf_do_not_shift_lines() -> None:
    doc = "Body\r\n\r\n\fReferences\r\nSmith, J. 2020. Paper. Journal 1, 2-3.\r\n"
    result = read_text(doc.replace("\r\n", "\n"), "doc.txt")
    assert [r.origin.line for r in result.references] == [4]


def test_a_year_alone_on_a_line_is_kept_but_page_numbers_go() -> None:
    doc = """References
Smith, J., Jones, K., Lee, M., Park, S., Kim, H., Chen, Y., Wang, L., et al.
2021
Title of the paper. Journal 1, 2-3.

Page 7 of 9

Zhang, Y. 2019. Solo. Journal 4, 5-6.
"""
    assert texts(doc) == [
        "Smith, J., Jones, K., Lee, M., Park, S., Kim, H., Chen, Y., Wang, L., et al. 2021 "
        "Title of the paper. Journal 1, 2-3.",
        "Zhang, Y. 2019. Solo. Journal 4, 5-6.",
    ]


def test_list_numbers_past_four_digits_keep_the_last_entry() -> None:
    # The tail of a generated 10,000-entry list: "10000." was not read as a list number, so
    # the list was taken to end after the DOI of entry 9999 and the last entry was lost.
    doc = """References
9998. Lee A, Wong B. A study of things. J Things. 2020;12(3):100-110. doi:10.1000/abc
9999. Koh, M. J., Park, H. (2025). Tsunami-driven debris. Coastal Engineering, 196, 104656. https://doi.org/10.1016/j.coastaleng.2024.104656
10000. Priem B. Acid metabolism of CHO cells. Metab Eng. 2025;91:158-69. doi:10.1016/j.y.2025.04
10001. Smith J. Another study. Nature. 2019;500:1-10.
"""
    refs = read_text(doc, "doc.txt").references
    assert [r.key for r in refs] == ["9998", "9999", "10000", "10001"]
    assert refs[2].text.startswith("Priem B. Acid metabolism")
    assert refs[2].origin.line == 4
