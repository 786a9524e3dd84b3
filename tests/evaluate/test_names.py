import pytest

from quotecheck.evaluate.names import names_agree


@pytest.mark.parametrize(
    "a, b",
    [
        ("Linas Linkevicius", "Linas Linkevicius"),
        ("Linas Linkevičius", "linas linkevicius"),
        ("Linkevicius", "Linas Linkevicius"),
        ("Ms Demir", "Zuhal Demir"),
        ("Mrs. Karen Ellemann", "Karen Ellemann"),
        ("One source close to the Lithuanian government", "a source close to the Lithuanian government"),
        ("Buzzfeed", "BuzzFeed"),
    ],
)
def test_names_that_agree(a, b):
    assert names_agree(a, b)
    assert names_agree(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Angela Merkel", "Vladimir Putin"),
        ("Linas Linkevicius", "Linas"),  # a shared first name is not the same surname
        ("Anders Samuelsen", "Karen Samuelsen"),  # same surname, different people
        ("he", "he"),  # a pronoun names nobody
        ("Merkel", None),
        ("", "Merkel"),
    ],
)
def test_names_that_differ(a, b):
    assert not names_agree(a, b)
