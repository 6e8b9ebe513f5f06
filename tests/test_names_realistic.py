"""Real-looking news texts: the N rules flag and fix every mix, and stay quiet on controls."""

from __future__ import annotations

import re

import pytest

from helpers import fix, lint

MIXED = {
    "reuters-ap": ("KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskiy said on Monday that "
                   "air defences held. Zelenskyy’s office said two drones were downed.\n\n"
                   "Zelenskiy later met the mayor of Kyiv.\n", r"\bZelensk\w*"),
    "odesa": ("Russian drones struck Odesa overnight, officials said. The Odessa port was hit "
              "and Odesa's governor said grain terminals burned.\n", r"\bOdes+a\w*"),
    "libya": ("Muammar Gaddafi ruled Libya for four decades. After Qaddafi fell in 2011, "
              "militias split Tripoli. Gaddafi's son Saif remains wanted.\n", r"\b[GQK]h?add?h?af+[iy]\b"),
    "qaeda": ("Al-Qaida claimed the attack. U.S. officials said al-Qaeda's branch in Yemen "
              "had planned it, and al-Qaeda leaders praised it.\n", r"\b[Aa]l[- ]Qa\w+"),
    "hezbollah": ("Israel struck Hezbollah targets in southern Lebanon. Hizballah said it fired "
                  "rockets in response; Hezbollah fighters were killed.\n", r"\bH[ie]zb\w+"),
    "kharkiv": ("Shelling hit Kharkiv again on Tuesday. Residents of Kharkov said the metro "
                "sheltered thousands, and Kharkiv-based volunteers helped.\n", r"\bKhark\w+"),
    "mao": ("Mao Zedong founded the People's Republic in 1949. Mao Tse-tung's portrait still "
            "hangs over Tiananmen; Mao Zedong Thought remains doctrine.\n", r"\bMao \w+(?:-\w+)?"),
    "kiev-caps": ("KIEV (Reuters) - Officials in Kyiv said Kyiv’s air defences held. Kiev-based "
                  "analysts agreed with Kyiv officials.\n", r"\bK[iy][ie]v\b|\bK[IY][IE]V\b"),
}


@pytest.mark.parametrize("name", sorted(MIXED))
def test_mixed_documents_are_flagged_and_fixed_to_one_spelling(name):
    text, pattern = MIXED[name]
    assert any(f.code == "N101" for f in lint(text, ["N"])), name
    out = fix(text, ["N"])
    spellings = {m.group().replace("’s", "").replace("'s", "") for m in re.finditer(pattern, out)}
    assert len({s.upper() for s in spellings}) == 1, spellings
    assert fix(out, ["N"]) == out


CONTROLS = [
    "Iran accused Iraq of sheltering militants. Officials in Iran and Iraq met in Baghdad.\n",
    "Austria and Australia signed a trade pact. Austrian and Australian ministers spoke.\n",
    "Slovakia and Slovenia held elections. Slovak and Slovene voters chose new leaders.\n",
    "Niger and Nigeria closed their border. Nigerian troops and Niger's army patrolled.\n",
    "Gambia and Zambia joined the summit, as did Mali and Malawi, Sudan and South Sudan.\n",
    "Boris Johnson praised Alan Johnston. Johnson said Johnston had been brave.\n",
    "President Volodymyr Zelenskyy visited Kyiv’s suburbs. Zelenskyy said Kyiv would hold.\n",
    "Kim Jong Un and his sister Kim Yo Jong watched the test. Kim Jong Un smiled.\n",
    "Guyana and French Guiana share a border. Guyana exports rice and gold.\n",
    "Sidney Crosby scored in Sydney. Crosby said Sydney fans were loud.\n",
    "The restaurant in Kyiv serves chicken Kiev. Historians of Kievan Rus' met in Kyiv.\n",
    "Mumbai, formerly Bombay, is India's financial capital. Mumbai traders agreed.\n",
]


@pytest.mark.parametrize("text", CONTROLS)
def test_control_documents_give_no_n_finding(text):
    assert lint(text, ["N"]) == []
