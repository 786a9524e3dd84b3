"""Who gets quoted: figures from the store's tallies (figures.py), role families (families.py), charts
(charts.py, the ``report`` extra) and the HTML page (html.py). No SQL, no files."""
