"""The 37 references of seeds/003_da9473c98b5f57df.txt, fields written by hand.

Line-break hyphens of the PDF text are repaired ("Plas-ma" → "Plasma", "10.3390/i-jms..." →
"10.3390/ijms..."), as the reference parser is meant to; everything else is as printed,
abbreviations and all. ``in_snapshot`` is the ground truth: whether the seed snapshot
(seed-works.jsonl) holds the cited work, found by reading both files.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cited:
    """One reference as printed, and whether its work is in the seed snapshot."""

    authors: tuple[str, ...]
    et_al: bool
    year: int
    title: str
    container: str
    volume: str | None
    pages: str | None
    doi: str
    in_snapshot: bool


def _c(
    authors: str,
    year: int,
    title: str,
    container: str,
    volume: str | None,
    pages: str | None,
    doi: str,
    in_snapshot: bool,
) -> Cited:
    names = [a.strip() for a in authors.split(";") if a.strip()]
    et_al = names[-1] == "et al."
    if et_al:
        names = names[:-1]
    return Cited(tuple(names), et_al, year, title, container, volume, pages, doi, in_snapshot)


WHITEPAPER: tuple[Cited, ...] = (
    _c(
        "Anitua, E.; Troya, M.; Falcon-Pérez, J. M.; López-Sarrio, S.; González, E.; "
        "Alkhraisat, M. H.",
        2023,
        "Advances in Platelet Rich Plasma-Derived Extracellular Vesicles for Regenerative "
        "Medicine: A Systematic-Narrative Review",
        "Int J Mol Sci",
        "24",
        "13043",
        "10.3390/ijms241713043",
        True,
    ),
    _c(
        "Arabpour, M.; Saghazadeh, A.; Rezaei, N.",
        2021,
        "Anti-inflammatory and M2 macrophage polarization-promoting effect of mesenchymal "
        "stem cell-derived exosomes",
        "Int Immunopharmacol",
        "97",
        "107823",
        "10.1016/j.intimp.2021.107823",
        True,
    ),
    _c(
        "Baquir, B.; Hancock, R. E. W.",
        2017,
        "Exosomes, your body’s answer to immune health",
        "Ann Transl Med",
        "5",
        "81–81",
        "10.21037/atm.2017.01.50",
        False,
    ),
    _c(
        "Beetler, D. J.; Di Florio, D. N.; Bruno, K. A.; Ikezu, T.; March, K. L.; "
        "Cooper, L. T.; et al.",
        2023,
        "Extracellular vesicles as personalized medicine",
        "Mol Aspects Med",
        "91",
        "101155",
        "10.1016/j.mam.2022.101155",
        False,
    ),
    _c(
        "Benecke, L.; Coray, M.; Umbricht, S.; Chiang, D.; Figueiró, F.; Muller, L.",
        2021,
        "Exosomes: Small EVs with Large Immunomodulatory Effect in Glioblastoma",
        "Int J Mol Sci",
        "22",
        "3600",
        "10.3390/ijms22073600",
        True,
    ),
    _c(
        "Cao, W.; Meng, X.; Cao, F.; Wang, J.; Yang, M.",
        2023,
        "Exosomes derived from platelet-rich plasma promote diabetic wound healing via the "
        "JAK2/STAT3 pathway",
        "iScience",
        "26",
        "108236",
        "10.1016/j.isci.2023.108236",
        True,
    ),
    _c(
        "Chen, B.; Sun, Y.; Zhang, J.; Zhu, Q.; Yang, Y.; Niu, X.; et al.",
        2019,
        "Human embryonic stem cell-derived exosomes promote pressure ulcer healing in aged "
        "mice by rejuvenating senescent endothelial cells",
        "Stem Cell Res Ther",
        "10",
        "142",
        "10.1186/s13287-019-1253-6",
        True,
    ),
    _c(
        "Chen, C.-Y.; Rao, S.-S.; Ren, L.; Hu, X.-K.; Tan, Y.-J.; Hu, Y.; et al.",
        2018,
        "Exosomal DMBT1 from human urine-derived stem cells facilitates diabetic wound repair "
        "by promoting angiogenesis",
        "Theranostics",
        "8",
        "1607–1623",
        "10.7150/thno.22958",
        True,
    ),
    _c(
        "Chen, H.; Wang, L.; Zeng, X.; Schwarz, H.; Nanda, H. S.; Peng, X.; et al.",
        2021,
        "Exosomes, a New Star for Targeted Delivery",
        "Front Cell Dev Biol",
        "9",
        None,
        "10.3389/fcell.2021.751079",
        True,
    ),
    _c(
        "Choragudi, S.; Yosipovitch, G.",
        2023,
        "Trends in the Prevalence of Eczema Among US Children by Age, Sex, Race, and Ethnicity "
        "From 1997 to 2018",
        "JAMA Dermatol",
        "159",
        "454",
        "10.1001/jamadermatol.2022.6647",
        True,
    ),
    _c(
        "Dilsiz, N.",
        2024,
        "Exosomes as new generation vehicles for drug delivery systems",
        "J Drug Deliv Sci Technol",
        "95",
        "105562",
        "10.1016/j.jddst.2024.105562",
        True,
    ),
    _c(
        "Golchin, A.; Shams, F.; Basiri, A.; Ranjbarvan, P.; Kiani, S.; Sarkhosh-Inanlou, R.; "
        "et al.",
        2022,
        "Combination Therapy of Stem Cell-derived Exosomes and Biomaterials in the Wound Healing",
        "Stem Cell Rev Rep",
        "18",
        "1892–1911",
        "10.1007/s12015-021-10309-5",
        True,
    ),
    _c(
        "Hou, J.; Wei, W.; Geng, Z.; Zhang, Z.; Yang, H.; Zhang, X.; Li, L.; Gao, Q.",
        2024,
        "Developing Plant Exosomes as an Advanced Delivery System for Cosmetic Peptide",
        "ACS Applied Bio Materials",
        "7",
        "3050–3060",
        "10.1021/acsabm.4c00096",
        False,
    ),
    _c(
        "Jurek, J. M.; Neymann, V.",
        2024,
        "The role of the ImmunatuRNA® complex in promoting skin immunity and its regenerative "
        "abilities: Implications for antiaging skincare",
        "Journal of Cosmetic Dermatology",
        "23",
        "1429–1445",
        "10.1111/jocd.16131",
        False,
    ),
    _c(
        "Kaur, S.; Singh, S. P.; Elkahloun, A. G.; Wu, W.; Abu-Asab, M. S.; Roberts, D. D.",
        2014,
        "CD47-dependent immunomodulatory and angiogenic activities of extracellular vesicles "
        "produced by T cells",
        "Matrix Biology",
        "37",
        "49–59",
        "10.1016/j.matbio.2014.05.007",
        True,
    ),
    _c(
        "Kim, H.; Jang, H.; Cho, H.; Choi, J.; Hwang, K. Y.; Choi, Y.; et al.",
        2021,
        "Recent Advances in Exosome-Based Drug Delivery for Cancer Therapy",
        "Cancers (Basel)",
        "13",
        "4435",
        "10.3390/cancers13174435",
        True,
    ),
    _c(
        "Li, D.; Wu, N.",
        2022,
        "Mechanism and application of exosomes in the wound healing process in diabetes mellitus",
        "Diabetes Res Clin Pract",
        "187",
        "109882",
        "10.1016/j.diabres.2022.109882",
        True,
    ),
    _c(
        "Mohammadi, M. R.; Rodriguez, S. M.; Luong, J. C.; Li, S.; Cao, R.; Alshetaiwi, H.; et al.",
        2021,
        "Exosome loaded immunomodulatory biomaterials alleviate local immune response in "
        "immunocompetent diabetic mice post islet xenotransplantation",
        "Commun Biol",
        "4",
        "685",
        "10.1038/s42003-021-02229-4",
        False,
    ),
    _c(
        "Moeinabadi‐Bidgoli, K.; Rezaee, M.; Hossein‐Khannazer, N.; Babajani, A.; "
        "Aghdaei, H. A.; Arki, M. K.; et al.",
        2023,
        "Exosomes for angiogenesis induction in ischemic disorders",
        "J Cell Mol Med",
        "27",
        "763–787",
        "10.1111/jcmm.17689",
        False,
    ),
    _c(
        "Nallakumarasamy, A.; Jeyaraman, M.; Maffulli, N.; Jeyaraman, N.; Suresh, V.; "
        "Ravichandran, S.; et al.",
        2022,
        "Mesenchymal Stromal Cell-Derived Extracellular Vesicles in Wound Healing",
        "Life",
        "12",
        "1733",
        "10.3390/life12111733",
        True,
    ),
    _c(
        "Petrik, J.",
        2016,
        "Immunomodulatory effects of exosomes produced by virus-infected cells",
        "Transfus Apher Sci",
        "55",
        "84–91",
        "10.1016/j.transci.2016.07.014",
        True,
    ),
    _c(
        "Prasai, A.; Jay, J. W.; Jupiter, D.; Wolf, S. E.; El Ayadi, A.",
        2022,
        "Role of Exosomes in Dermal Wound Healing: A Systematic Review",
        "JID",
        "142",
        "662-678.e8",
        "10.1016/j.jid.2021.07.167",
        False,
    ),
    _c(
        "Rezaie, J.; Feghhi, M.; Etemadi, T.",
        2022,
        "A review on exosomes application in clinical trials: perspective, questions, and "
        "challenges",
        "CCS",
        "20",
        "145",
        "10.1186/s12964-022-00959-4",
        True,
    ),
    _c(
        "Sand, J.; Nabili, V.; Kochhar, A.; Rawnsley, J.; Keller, G.",
        2017,
        "Platelet-Rich Plasma for the Aesthetic Surgeon",
        "Facial Plastic Surgery",
        "33",
        "437–443",
        "10.1055/s-0037-1604240",
        True,
    ),
    _c(
        "Shao, M.; Jin, X.; Chen, S.; Yang, N.; Feng, G.",
        2023,
        "Plant-derived extracellular vesicles -a novel clinical anti-inflammatory drug carrier "
        "worthy of investigation",
        "Biomedicine & Pharmacotherapy",
        "169",
        "115904",
        "10.1016/j.biopha.2023.115904",
        False,
    ),
    _c(
        "Thakur, A.; Shah, D.; Rai, D.; Parra, D. C.; Pathikonda, S.; Kurilova, S.; et al.",
        2023,
        "Therapeutic Values of Exosomes in Cosmetics, Skin Care, Tissue Regeneration, and "
        "Dermatological Diseases",
        "Cosmetics",
        "10",
        "65",
        "10.3390/cosmetics10020065",
        True,
    ),
    _c(
        "Tienda-Vázquez, M. A.; Hanel, J. M.; Márquez-Arteaga, E. M.; Salgado-Álvarez, A. P.; "
        "Scheckhuber, C. Q.; Alanis-Gómez, J. R.; et al.",
        2023,
        "Exosomes: A Promising Strategy for Repair, Regeneration and Treatment of Skin Disorders",
        "Cells",
        "12",
        "1625",
        "10.3390/cells12121625",
        True,
    ),
    _c(
        "Troha, K.; Vozel, D.; Arko, M.; Bedina Zavec, A.; Dolinar, D.; Hočevar, M.; et al.",
        2023,
        "Autologous Platelet and Extracellular Vesicle-Rich Plasma as Therapeutic Fluid: A Review",
        "Int J Mol Sci",
        "24",
        "3420",
        "10.3390/ijms24043420",
        True,
    ),
    _c(
        "Wan, R.; Liu, S.; Feng, X.; Luo, W.; Zhang, H.; Wu, Y.; et al.",
        2024,
        "The Revolution of exosomes: From biological functions to therapeutic applications in "
        "skeletal muscle diseases",
        "J Orthop Translat",
        "45",
        "132–139",
        "10.1016/j.jot.2024.01.001",
        False,
    ),
    _c(
        "Wang, C.; Xu, M.; Fan, Q.; Li, C.; Zhou, X.",
        2023,
        "Therapeutic potential of exosome‐based personalized delivery platform in chronic "
        "inflammatory diseases",
        "Asian J Pharm Sci",
        "18",
        "100772",
        "10.1016/j.ajps.2022.100772",
        False,
    ),
    _c(
        "Wang, Y.; Wei, Y.; Liao, H.; Fu, H.; Yang, X.; Xiang, Q.; et al.",
        2023,
        "Plant Exosome-like Nanoparticles as Biological Shuttles for Transdermal Drug Delivery",
        "Bioengineering",
        "10",
        "104",
        "10.3390/bioengineering10010104",
        True,
    ),
    _c(
        "Wu, Q.; Guo, Y.; Li, H.; Zhang, D.; Wang, S.; Hou, J.; et al.",
        2024,
        "Recombinant human collagen I/carboxymethyl chitosan hydrogel loaded with long-term "
        "released hUCMSCs derived exosomes promotes skin wound repair",
        "Int J Biol Macromol",
        "265",
        "130843",
        "10.1016/j.ijbiomac.2024.130843",
        True,
    ),
    _c(
        "Xing, X.; Han, S.; Li, Z.; Li, Z.",
        2020,
        "Emerging role of exosomes in craniofacial and dental applications",
        "Theranostics",
        "10",
        "8648–8664",
        "10.7150/thno.48291",
        True,
    ),
    _c(
        "Xu, Y.; Ma, L.; Wang, Y.; Shi, C.",
        2024,
        "Engineering strategies of biomaterial-assisted exosomes for skin wound repair: Latest "
        "advances and challenges",
        "Chinese Chemical Letters",
        None,
        "109766",
        "10.1016/j.cclet.2024.109766",
        False,
    ),
    _c(
        "Yang, G. H.; Lee, Y. B.; Kang, D.; Choi, E.; Nam, Y.; Lee, K. H.; et al.",
        2021,
        "Overcome the barriers of the skin: exosome therapy",
        "Biomater Res",
        "25",
        None,
        "10.1186/s40824-021-00224-8",
        True,
    ),
    _c(
        "Zhao, H.; Zhao, Z.; Li, D.; Wang, X.; Dai, D.; Fu, H.",
        2023,
        "Effect study of exosomes derived from platelet-rich plasma in the treatment of knee "
        "cartilage defects in rats",
        "J Orthop Surg Res",
        "18",
        "160",
        "10.1186/s13018-023-03576-0",
        True,
    ),
    _c(
        "Zhuo, Y.; Ai, K.; He, K.; Wu, B.; Peng, J.; Xiang, J.; et al.",
        2023,
        "Global Research Trends of Exosomes in the Central Nervous System: A Bibliometric and "
        "Visualized Analysis",
        "Neurospine",
        "20",
        "507–524",
        "10.14245/ns.2244988.494",
        True,
    ),
)
