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

# -- invisible characters -------------------------------------------------------------------
#: Invisible characters that have no business in prose, with the name used in messages.
INVISIBLE = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark (zero-width no-break space) inside the text",
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
    "\u2061": "invisible function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
}
#: Zero-width joiner and non-joiner: needed in Arabic-script, Indic and other joining
#: scripts and inside emoji sequences; stray anywhere else.
JOINERS = {"\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner"}
#: Zero-width space is a word-break hint in scripts written without spaces.
NO_SPACE_SCRIPTS = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x0F00, 0x0FFF),
                    (0x3040, 0x30FF), (0x3400, 0x9FFF))
#: Scripts in which ZWJ/ZWNJ shape letters: Arabic, Syriac, Thaana, N'Ko, Indic, Sinhala,
#: Tibetan, Myanmar, Khmer, Mongolian, Arabic presentation forms.
JOINING_SCRIPTS = ((0x0600, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x0FFF), (0x1000, 0x109F),
                   (0x1780, 0x18AF), (0xA8E0, 0xA8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

# -- bidirectional controls ----------------------------------------------------------------
BIDI_MARKS = {
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
#: Overrides reorder the characters a reader sees ("Trojan Source"): never plain prose.
BIDI_OVERRIDES = {"\u202d": "left-to-right override", "\u202e": "right-to-left override"}
#: Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their
#: presentation forms. A bidi mark on a line with any of these has a job to do.
RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF),
              (0x1E800, 0x1EFFF))

# -- compatibility characters ----------------------------------------------------------------
#: Latin typographic ligatures (U+FB00-FB06) and the letters they stand for.
LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}
#: CJK, kana and hangul ranges: next to these, fullwidth forms are ordinary typography.
CJK_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x31FF),
              (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
              (0xFF65, 0xFFDC), (0x20000, 0x3134F))
