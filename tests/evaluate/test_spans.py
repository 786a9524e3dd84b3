from quotecheck.evaluate.spans import intersects, overlap, trim


def test_trim_drops_marks_space_and_edge_punctuation():
    text = '"We are just one of many countries [involved],” he said.'
    start, end = trim(text, 0, text.index("”") + 1)
    assert text[start:end] == "We are just one of many countries [involved"


def test_trim_keeps_inner_punctuation_and_handles_all_punctuation():
    text = "« Oui, non. »"
    start, end = trim(text, 0, len(text))
    assert text[start:end] == "Oui, non"
    assert trim("...", 0, 3) == (3, 3)


def test_overlap_divides_by_the_longer_span():
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 10), (0, 5)) == 0.5
    assert overlap((0, 10), (0, 20)) == 0.5
    assert overlap((0, 10), (5, 15)) == 0.5
    assert overlap((0, 10), (10, 20)) == 0.0
    assert overlap((3, 3), (3, 3)) == 0.0


def test_intersects():
    assert intersects((0, 5), (4, 9))
    assert not intersects((0, 5), (5, 9))
