"""Real works no registry of the evaluation world holds: books, standards, guidelines, web pages.

Transcribed by hand from the works' title pages / publishers' pages (well-known editions). Some
have DOIs in live registries (a Cambridge book, an IEEE standard); they are cited here as people
usually cite them, without one, and the evaluation world holds no record of them: the contract
promises ``unresolved`` — never ``fabricated``, and never a "fix" to another work.
"""

from __future__ import annotations

from dataclasses import dataclass

from veribib.model import Person


@dataclass(frozen=True)
class OfflineWork:
    """One real work outside the registries: what a citation of it gives."""

    kind: str  # "book", "standard", "guideline", "web page"
    title: str
    authors: tuple[Person, ...]
    year: int
    publisher: str
    url: str | None = None


def _p(*names: str) -> tuple[Person, ...]:
    """ "Family, Given" strings (or an organisation's name) as people."""
    out: list[Person] = []
    for name in names:
        family, _, given = name.partition(", ")
        out.append(Person(family, given))
    return tuple(out)


OFFLINE_WORKS: tuple[OfflineWork, ...] = (
    OfflineWork(
        "book",
        "Deep Learning",
        _p("Goodfellow, Ian", "Bengio, Yoshua", "Courville, Aaron"),
        2016,
        "MIT Press",
    ),
    OfflineWork(
        "book",
        "Pattern Recognition and Machine Learning",
        _p("Bishop, Christopher M."),
        2006,
        "Springer",
    ),
    OfflineWork(
        "book",
        "Reinforcement Learning: An Introduction",
        _p("Sutton, Richard S.", "Barto, Andrew G."),
        2018,
        "MIT Press",
    ),
    OfflineWork(
        "book",
        "The Elements of Statistical Learning: Data Mining, Inference, and Prediction",
        _p("Hastie, Trevor", "Tibshirani, Robert", "Friedman, Jerome"),
        2009,
        "Springer",
    ),
    OfflineWork(
        "book",
        "Machine Learning: A Probabilistic Perspective",
        _p("Murphy, Kevin P."),
        2012,
        "MIT Press",
    ),
    OfflineWork(
        "book",
        "Elements of Information Theory",
        _p("Cover, Thomas M.", "Thomas, Joy A."),
        2006,
        "Wiley",
    ),
    OfflineWork(
        "book",
        "Convex Optimization",
        _p("Boyd, Stephen", "Vandenberghe, Lieven"),
        2004,
        "Cambridge University Press",
    ),
    OfflineWork(
        "book",
        "Understanding Machine Learning: From Theory to Algorithms",
        _p("Shalev-Shwartz, Shai", "Ben-David, Shai"),
        2014,
        "Cambridge University Press",
    ),
    OfflineWork(
        "book",
        "Speech and Language Processing",
        _p("Jurafsky, Daniel", "Martin, James H."),
        2009,
        "Prentice Hall",
    ),
    OfflineWork(
        "book",
        "Artificial Intelligence: A Modern Approach",
        _p("Russell, Stuart", "Norvig, Peter"),
        2020,
        "Pearson",
    ),
    OfflineWork(
        "book",
        "Modern Epidemiology",
        _p("Rothman, Kenneth J.", "Greenland, Sander", "Lash, Timothy L."),
        2008,
        "Lippincott Williams & Wilkins",
    ),
    OfflineWork(
        "book",
        "Statistical Power Analysis for the Behavioral Sciences",
        _p("Cohen, Jacob"),
        1988,
        "Lawrence Erlbaum Associates",
    ),
    OfflineWork(
        "book",
        "Thinking, Fast and Slow",
        _p("Kahneman, Daniel"),
        2011,
        "Farrar, Straus and Giroux",
    ),
    OfflineWork(
        "book",
        "Bayesian Data Analysis",
        _p(
            "Gelman, Andrew",
            "Carlin, John B.",
            "Stern, Hal S.",
            "Dunson, David B.",
            "Vehtari, Aki",
            "Rubin, Donald B.",
        ),
        2013,
        "CRC Press",
    ),
    OfflineWork(
        "book",
        "Causality: Models, Reasoning, and Inference",
        _p("Pearl, Judea"),
        2009,
        "Cambridge University Press",
    ),
    OfflineWork(
        "book",
        "The Structure of Scientific Revolutions",
        _p("Kuhn, Thomas S."),
        1962,
        "University of Chicago Press",
    ),
    OfflineWork(
        "book",
        "Time Series Analysis: Forecasting and Control",
        _p("Box, George E. P.", "Jenkins, Gwilym M."),
        1970,
        "Holden-Day",
    ),
    OfflineWork(
        "standard",
        "Date and time — Representations for information interchange — Part 1: Basic rules "
        "(ISO 8601-1:2019)",
        _p("International Organization for Standardization"),
        2019,
        "ISO",
    ),
    OfflineWork(
        "standard",
        "IEEE Standard for Floating-Point Arithmetic (IEEE Std 754-2019)",
        _p("IEEE Computer Society"),
        2019,
        "IEEE",
    ),
    OfflineWork(
        "standard",
        "Information security, cybersecurity and privacy protection — Information security "
        "management systems — Requirements (ISO/IEC 27001:2022)",
        _p("International Organization for Standardization"),
        2022,
        "ISO",
    ),
    OfflineWork(
        "standard",
        "Clinical investigation of medical devices for human subjects — Good clinical practice "
        "(ISO 14155:2020)",
        _p("International Organization for Standardization"),
        2020,
        "ISO",
    ),
    OfflineWork(
        "standard",
        "HTTP Semantics (RFC 9110)",
        _p("Fielding, Roy T.", "Nottingham, Mark", "Reschke, Julian"),
        2022,
        "Internet Engineering Task Force",
        "https://www.rfc-editor.org/rfc/rfc9110",
    ),
    OfflineWork(
        "guideline",
        "Integrated Addendum to ICH E6(R1): Guideline for Good Clinical Practice E6(R2)",
        _p("International Council for Harmonisation"),
        2016,
        "ICH",
    ),
    OfflineWork(
        "guideline",
        "WHO guidelines on physical activity and sedentary behaviour",
        _p("World Health Organization"),
        2020,
        "World Health Organization",
    ),
    OfflineWork(
        "guideline",
        "Guideline: sugars intake for adults and children",
        _p("World Health Organization"),
        2015,
        "World Health Organization",
    ),
    OfflineWork(
        "guideline",
        "Hypertension in adults: diagnosis and management (NICE guideline NG136)",
        _p("National Institute for Health and Care Excellence"),
        2019,
        "NICE",
        "https://www.nice.org.uk/guidance/ng136",
    ),
    OfflineWork(
        "guideline",
        "Physical Activity Guidelines for Americans, 2nd edition",
        _p("U.S. Department of Health and Human Services"),
        2018,
        "U.S. Department of Health and Human Services",
    ),
    OfflineWork(
        "web page",
        "The Unreasonable Effectiveness of Recurrent Neural Networks",
        _p("Karpathy, Andrej"),
        2015,
        "Andrej Karpathy blog",
        "http://karpathy.github.io/2015/05/21/rnn-effectiveness/",
    ),
    OfflineWork(
        "web page",
        "Understanding LSTM Networks",
        _p("Olah, Christopher"),
        2015,
        "colah's blog",
        "https://colah.github.io/posts/2015-08-Understanding-LSTMs/",
    ),
    OfflineWork(
        "web page",
        "Introducing ChatGPT",
        _p("OpenAI"),
        2022,
        "OpenAI",
        "https://openai.com/blog/chatgpt",
    ),
    OfflineWork(
        "web page",
        "The Python Language Reference",
        _p("Python Software Foundation"),
        2023,
        "Python Software Foundation",
        "https://docs.python.org/3/reference/",
    ),
    OfflineWork(
        "web page",
        "R: A Language and Environment for Statistical Computing",
        _p("R Core Team"),
        2023,
        "R Foundation for Statistical Computing",
        "https://www.R-project.org/",
    ),
    OfflineWork(
        "web page",
        "Transformers documentation",
        _p("Hugging Face"),
        2024,
        "Hugging Face",
        "https://huggingface.co/docs/transformers",
    ),
    OfflineWork(
        "web page",
        "Adult Obesity Facts",
        _p("Centers for Disease Control and Prevention"),
        2024,
        "CDC",
        "https://www.cdc.gov/obesity/adult-obesity-facts/",
    ),
)
