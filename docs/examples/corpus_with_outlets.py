"""The bundled corpus as JSON Lines with an outlet and a publication date for each article, so a report on it has
outlets and months to compare: `python3 docs/examples/corpus_with_outlets.py | quotecheck ingest -`.

Only EUobserver is the real outlet (of the real article, May 2017); the other articles were written for quotecheck
and their outlets and dates are made up here like their people."""

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
OUTLETS = {
    "eu-lithuania-chechens": ("EUobserver", "2017-05-19"),
    "elmbridge-library": ("Elmbridge Herald", "2024-02-12"),
    "port-calder-strike": ("Evening Post", "2024-02-20"),
    "keeper-retires": ("Evening Post", "2024-03-04"),
    "flu-season": ("Coast Herald", "2024-03-11"),
    "night-train": ("Coast Herald", "2024-03-18"),
}

for name, (outlet, published) in OUTLETS.items():
    title, _, text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8").partition("\n")
    record = {"text": f"{title}\n{text}", "title": title, "outlet": outlet, "published": published, "id": name}
    print(json.dumps(record, ensure_ascii=False))
