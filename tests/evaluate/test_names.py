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


from quotecheck.evaluate.names import mention_names, names_mention, role_agrees, same_name  # noqa: E402


@pytest.mark.parametrize(
    "predicted, gold, right",
    [
        ("Donald Trump", "Donald Trump", True),
        ("Donald J. Trump", "Donald Trump", True),  # a middle initial is a variant
        ("Hillary Clinton", "Hillary Rodham Clinton", True),  # so is a middle or maiden name
        ("Sen. Bernie Sanders", "Bernie Sanders", True),  # titles and honorifics don't count
        ("Lord Holme", "Lord Holme", True),
        ("the Hansard Society", "Hansard Society", True),
        ("Trump", "Donald Trump", False),  # a bare surname is not the canonical name
        ("Donald Trump Jr.", "Donald Trump", False),  # another person
        ("Neither Moreno", "Luis Moreno", False),  # a glued word
        ("Labour's Mr Fenwick", "Alan Fenwick", False),
        ("Salford MP", "Hazel Blears", False),
    ],
)
def test_same_name_is_name_strict(predicted, gold, right):
    assert same_name(predicted, gold) is right


@pytest.mark.parametrize(
    "mention, names",
    [
        ("Sen. Bernie Sanders", [["bernie", "sanders"]]),
        ("Carter's press secretary, Peter Cook", [["peter", "cook"]]),
        ("81-year-old Parker Eaton, a nominal Republican who voted for him,", [["parker", "eaton"]]),
        ("the newspaper", []),
        ("He", []),
    ],
)
def test_the_names_inside_a_source_mention(mention, names):
    assert mention_names(mention) == names


@pytest.mark.parametrize(
    "predicted, mention, right",
    [
        ("Donald Trump", "Mr. Trump", True),  # the canonical name is fuller than the mention
        ("Bernie Sanders", "Democratic Sen. Bernie Sanders", True),
        ("Peter Cook", "Carter's press secretary, Peter Cook", True),
        ("Trump", "Donald Trump", False),
        ("Mike Pence", "Mr. Trump", False),
        ("Doncaster Mr Pryce", "Mr Pryce", False),
        ("Associated Press", "the AP", True),  # an acronym spelt out
        ("Democratic National Committee", "The DNC", True),
        ("Associated Press", "the NRA", False),
        # an aside in brackets or between dashes, and a place or body after "of", are not the name
        ("Harry M. Reid", "Senate Minority Leader Harry M. Reid (D-Nev.)", True),
        ("Jason Sims", "Jason Sims — a teacher from Mount Pleasant —", True),
        ("Tom Cole", "Rep. Tom Cole of Oklahoma, an ally of GOP leadership,", True),
        ("Jeffrey Lewis", "Jeffrey Lewis of the James Martin Center", True),
        ("Madeleine Albright", "Former Secretary of State Madeleine Albright", True),
        ("Pat Toomey", "Sen. Pat Toomey (R-Pa.", True),  # a bracket the mention's end cut off
        ("Calvin Williams", "Chief Williams", True),  # a title before a surname
        ("Nancy Foner", "Professor Foner", True),
        ("Bank of England", "the Bank of England", True),
        # a one-word mention is either half of a two-word name; a lower-case word added is not a name
        ("Ban Ki-moon", "Ban", True),
        ("Hillary Clinton", "Hillary", True),
        ("Clinton advisers", "Mrs. Clinton", False),
        # a generational suffix is not the surname, on either side; a suffix on one side only is another person
        ("Joseph R. Biden Jr.", "Mr. Biden", True),
        ("Joseph R. Biden Jr.", "Vice President Joseph R. Biden Jr.", True),
        ("Donald Trump", "Donald Trump Jr.", False),
        # two people joined by "and": either is named; a name with "and" inside stays one name
        ("Frank Newport", "Frank Newport and Jim Harter", True),
        ("Jim Harter", "Frank Newport and Jim Harter", True),
        ("Judgment", "the academic journal Judgment and Decision Making", False),
        # a place after "in" or "at" is not the name
        ("Holocaust Memorial Museum", "The Holocaust Memorial Museum in Washington", True),
    ],
)
def test_a_name_against_a_source_mention(predicted, mention, right):
    assert names_mention(predicted, mention) is right


@pytest.mark.parametrize(
    "predicted, gold, right",
    [
        ("foreign minister of Lithuania", ("the foreign minister of Lithuania",), True),
        ("Work and Pensions Secretary", ("Work and Pensions Secretary",), True),
        ("Pensions Secretary", ("Work and Pensions Secretary",), False),  # a fragment
        ("foreign minister", ("the foreign minister of Lithuania",), False),
        ("Salford MP", ("Home Office minister", "Salford MP"), True),  # any one of the roles will do
        ("Home Office minister; Salford MP", ("Home Office minister", "Salford MP"), True),  # or all of them
        ("Doncaster", ("Labour candidate",), False),
        (None, ("Labour candidate",), False),
    ],
)
def test_role_agreement(predicted, gold, right):
    assert role_agrees(predicted, gold) is right


def test_a_possessive_description_is_compared_as_written():
    assert same_name("Mr Blair's spokesman", "Mr Blair's spokesman")
    assert not same_name("Labour's Mr Fenwick", "Alan Fenwick")
    assert same_name("Ryan’s campaign", "Ryan campaign")
