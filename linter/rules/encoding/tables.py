"""Character tables of the E rules, kept apart from the logic that uses them."""

from __future__ import annotations

# -- encoding detection ---------------------------------------------------------------------
#: The non-ASCII lower-case letters of Latin-script languages that single-byte code pages
#: serve. A decoded text whose accented letters all belong to one alphabet is plausible;
#: letters from no common alphabet ("crčme", "bažkenti") point at the wrong code page.
LATIN_ALPHABETS = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "spanish": "áéíñóúü",
    "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóù",
    "catalan": "àçèéíïòóúü",
    "dutch": "áéëèïóöü",
    "polish": "ąćęłńóśźż",
    "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž",
    "hungarian": "áéíóöőúüű",
    "romanian": "ăâîșțşţ",
    "turkish": "çğıöşüâîû",
    "swedish-finnish": "åäöé",
    "danish-norwegian": "æøåé",
    "icelandic": "áðéíóúýþæö",
    "lithuanian": "ąčęėįšųūž",
    "latvian": "āčēģīķļņšūž",
    "estonian": "äöõüšž",
    "croatian-slovene": "čćđšž",
    "albanian": "ëç",
}
