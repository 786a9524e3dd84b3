"""Speaker identity: every quote names one canonical person (or organisation) and the role the article gives them.

One row per case: (text, words of the quote, expected speaker, expected role or None). The texts are short
inventions in the style of news copy, one for each pattern that issue 7 lists; each is read below a headline, as
an article is (a first short line is the headline, whose words name nobody)."""

import pytest

from quotecheck import extract


def _normal(role):
    if role is None:
        return None
    words = role.lower().split()
    return " ".join(words[1:] if words and words[0] in ("the", "a", "an") else words)


CASES = [
    # --- one canonical name per person: no glued words, no honorifics -------------------------------------------
    (
        "Luis Moreno runs the port authority.\n\nNeither Moreno nor his deputy had seen the report. "
        '"It is news to me," Moreno said.',
        "It is news to me", "Luis Moreno", None,
    ),
    (
        "Anita Patel has nursed in the town for 20 years.\n\nCampaigning Patel said the clinic would close "
        "without new money.",
        "the clinic would close", "Anita Patel", None,
    ),
    (
        "Alan Fenwick, the Labour candidate, spoke first.\n\nLabour's Mr Fenwick said the plan would fail.",
        "the plan would fail", "Alan Fenwick", "the Labour candidate",
    ),
    (
        "Tom Pryce was a miner for 30 years.\n\nSpeaking in Doncaster Mr Pryce said the pits would never reopen.",
        "the pits would never reopen", "Tom Pryce", None,
    ),
    (
        'Grace Okonjo chairs the board.\n\n"We are ready," Mrs. Okonjo said.',
        "We are ready", "Grace Okonjo", None,
    ),
    (
        'Maria Lindqvist, 34, runs a bakery on the square.\n\n"Prices keep rising," Maria said.',
        "Prices keep rising", "Maria Lindqvist", None,
    ),
    # --- descriptions join the person they describe ---------------------------------------------------------------
    (
        'The Shadow Minister for the Arts, Joanna Pike, said the cuts were "a disgrace".',
        "a disgrace", "Joanna Pike", "The Shadow Minister for the Arts",
    ),
    (
        "The Shadow Minister for the Arts, Joanna Pike, criticised the cuts.\n\n"
        "Later the shadow minister said she would table a motion.",
        "she would table a motion", "Joanna Pike", "The Shadow Minister for the Arts",
    ),
    (
        'Prime Minister Oskar Lind opened the session.\n\n"Taxes will not rise," the prime minister said.',
        "Taxes will not rise", "Oskar Lind", "Prime Minister",
    ),
    (
        '"The threat is real," the Salford MP told the committee. Hazel Blears, the Salford MP, spoke for an hour.',
        "The threat is real", "Hazel Blears", "the Salford MP",
    ),
    # --- pronouns by salience and agreement ---------------------------------------------------------------------------
    (
        'Anna Berg met Tomas Holm on Monday.\n\n"It went well," she said.',
        "It went well", "Anna Berg", None,
    ),
    (
        'Peter Holm, the director, said he did not share the worry that Ms Berg voiced.\n\n'
        '"We have time," he said.',
        "We have time", "Peter Holm", "the director",
    ),
    (
        'Keane waved from the stage.\n\n"We won," he said.',
        "We won", "Keane", None,
    ),
    (
        'Tomasz Wrona founded Redline Studios in 2010. "Games take years to make," he said.',
        "Games take years to make", "Tomasz Wrona", None,
    ),
    # --- who speaks in harder frames ------------------------------------------------------------------------------
    (
        '"Stay indoors tonight," said Sergeant Okafor of the Harbour Police Department.',
        "Stay indoors tonight", "Okafor", "of the Harbour Police Department",
    ),
    (
        'Ortiz clashed with Brandt, who in 2012 called the tax "a job killer."',
        "a job killer", "Brandt", None,
    ),
    (
        'The campaign declined to comment, with spokeswoman Lena Park saying, "We do not answer rumours."',
        "We do not answer rumours", "Lena Park", "spokeswoman",
    ),
    (
        'The bank was criticised by the ombudsman for "failing its customers".',
        "failing its customers", "the ombudsman", "ombudsman",  # an unnamed source's role is its description
    ),
    (
        'Her remarks were described as "reckless" and "cruel" by the Tenants Union.',
        "cruel", "Tenants Union", None,
    ),
    (
        'The Greens dismissed the budget as "reckless", while Labour said it would vote against it.',
        "reckless", "Greens", None,
    ),
    (
        '"We are ready," said the Minister for Housing, Ruth Adeyemi.',
        "We are ready", "Ruth Adeyemi", "the Minister for Housing",
    ),
    (
        "Rents will rise again next year, according to the Centre for Urban Policy.",
        "Rents will rise again next year", "Centre for Urban Policy", None,
    ),
    (
        "Turnout rose to 61 percent, according to the county clerk's website.",
        "Turnout rose to 61 percent", "county clerk", "county clerk",
    ),
    (
        "Cairn Energy cut its forecast.\n\nCairn said drilling had found less oil than hoped.",
        "drilling had found less oil", "Cairn Energy", None,
    ),
    (
        "Unilever reported lower profits.\n\nThe company said demand had fallen in Europe.",
        "demand had fallen in Europe", "Unilever", None,
    ),
    (
        "The World Economic Forum surveyed 7,000 firms.\n\nThe WEF report concludes that few firms plan ahead.",
        "few firms plan ahead", "World Economic Forum", None,
    ),
    (
        "Sanders backers doubt her resolve. On Tuesday, campaign chairman John Podesta told donors that her "
        'position was firm.\n\n"That is up to the president," he said.',
        "That is up to the president", "John Podesta", "campaign chairman",
    ),
    (
        'Jo Kerr, the IHRC chairman, attacked the plan. "It is a disgrace," he said.\n\n'
        "Later, the spokesman said the plan would go ahead.",
        "the plan would go ahead", "the spokesman", "spokesman",
    ),
    (
        'Tom Vance, an adviser to the governor, spoke last.\n\n"Impeaching Mayor Lee is not our aim," he said.',
        "Impeaching Mayor Lee is not our aim", "Tom Vance", "an adviser to the governor",
    ),
    (
        'Prices are rising. "We saw this coming," Ana Brel - then adviser to the governor - told a conference.',
        "We saw this coming", "Ana Brel", None,
    ),
    (
        "The new health minister for Wales says waiting lists are falling.\n\n"
        "Dr Rhys Owen, who took office on Monday, said the target would be met.",
        "waiting lists are falling", "Rhys Owen", "health minister for Wales",
    ),
    (
        "Frank Arnesen, the Spurs sporting director, spoke after training.\n\n"
        '"He chose to go," said the Spurs sporting director.',
        "He chose to go", "Frank Arnesen", "the Spurs sporting director",
    ),
    (
        "Stop-and-search powers will fall on one community, a Home Office minister has said.\n\n"
        'Hazel Blears, the Salford MP, told MPs the police would act "proportionately".',
        "Stop-and-search powers will fall on one community", "Hazel Blears", "the Salford MP",
    ),
    # --- roles as the article gives them -------------------------------------------------------------------------
    (
        "Work and Pensions Secretary Anna Rowe said the scheme would be reviewed.",
        "the scheme would be reviewed", "Anna Rowe", "Work and Pensions Secretary",
    ),
    (
        'Tory MP Giles Hartley said the vote was "a farce".',
        "a farce", "Giles Hartley", "Tory MP",
    ),
    (
        "Eva Moll, a Danish economist at the bank, said rates would stay low.",
        "rates would stay low", "Eva Moll", "a Danish economist at the bank",
    ),
    (
        'Linas Varga, the foreign minister of Lithuania, met his counterparts.\n\n"We are watching," Varga said.',
        "We are watching", "Linas Varga", "the foreign minister of Lithuania",
    ),
    (
        'Dr Fred Hasson, head of Tiga, which represents developers, spoke.\n\n"Costs are rising," Mr Hasson said.',
        "Costs are rising", "Fred Hasson", "head of Tiga",
    ),
    (
        'Martin Okoro, 32, from Leeds, was released.\n\n"I am angry," Mr Okoro said.',
        "I am angry", "Martin Okoro", None,
    ),
    # --- offices as the article states them ----------------------------------------------------------------------
    (
        'Oregon Gov. Kate Lindahl signed the bill.\n\n"It is overdue," Lindahl said.',
        "It is overdue", "Kate Lindahl", "Oregon Governor",
    ),
    (
        'Sen. Paul Brandt of Kentucky voted no.\n\n"It is a bad deal," Brandt said.',
        "It is a bad deal", "Paul Brandt", "Senator of Kentucky",
    ),
    (
        'Rep. Dana Kirk, R-Utah, said the inquiry "will start with the director."',
        "will start with the director", "Dana Kirk", "Representative, R-Utah",
    ),
    (
        'The cable reached former secretary of state Colin Marsh.\n\n"It was never classified," Marsh said.',
        "It was never classified", "Colin Marsh", "former secretary of state",
    ),
    (
        'Ann Wolcott, a veteran D.C. lobbyist close to the campaign, says "the race is tight."',
        "the race is tight", "Ann Wolcott", "a veteran D.C. lobbyist close to the campaign",
    ),
    # an office the article refers to a named person by: the nearest earlier subject holds it ...
    (
        'Ruth Gale spoke at the dinner.\n\nThe club later praised the former secretary of state.\n\n'
        '"It was a fine evening," Gale said.',
        "It was a fine evening", "Ruth Gale", "former secretary of state",
    ),
    # ... unless she holds another office, when the next person named does ("the chancellor" is not the PM)
    (
        'Tom Blane spoke to MPs about Gareth Bowen.\n\nA book says the prime minister broke a pledge to Mr Bowen. '
        'The chancellor has said he is focused on the election.',
        "he is focused on the election", "Gareth Bowen", "chancellor",
    ),
    # ... and the office in "the prime minister's spokesman" is the spokesman's boss, not the speaker's
    (
        'Hazel Brent addressed the committee.\n\nThe prime minister\'s official spokesman said the remarks '
        'were not aimed at anyone. "We are ready," Ms Brent said.',
        "We are ready", "Hazel Brent", None,
    ),
    # ... but not when a name inside quoted words in the same sentence may hold it
    (
        'Don Tully spoke first.\n\n"He will pounce, as Tully did to Marco Ruiz" in the debate that scuttled the '
        'Florida senator\'s campaign, the aide added. "We are ready," Tully said.',
        "We are ready", "Don Tully", None,
    ),
    # a role set off before a name may open with a possessive
    (
        "Nevada's governor, Brian Sandman, a Republican, said on Tuesday that he had voted early.",
        "he had voted early", "Brian Sandman", "Nevada's governor",
    ),
    # "its" in a role is the body the sentence opens on
    (
        "The host committee for the convention in Cleveland has raised $56 million, said David Gilmore, its "
        "president and CEO.",
        "The host committee", "David Gilmore", "president and CEO of the host committee for the convention in Cleveland",
    ),
    # "the spokesman" goes back past another job that spoke in between to the spokesman before it
    (
        "Later, the prime minister's official spokesman urged people to calm down. The minister had been saying "
        "she understood the worry, the spokesman said.",
        "she understood the worry", "the prime minister's official spokesman", "prime minister's official spokesman",
    ),
    # an office set off before a name by a comma is that person's
    (
        'CNN host Jake Tapper spoke to the governor, Mary Fallin. "I will support the nominee," Fallin said.',
        "I will support the nominee", "Mary Fallin", "governor",
    ),
    # a plural before names heads a list, it is nobody's role
    (
        'Top aides John Pell and Mary Rusk met donors.\n\n"We are confident," Pell said.',
        "We are confident", "John Pell", None,
    ),
    # a fuller role in a later appositive replaces a shorter one read first
    (
        "The PAC is now led by pollster Kay Conlon.\n\nKay Conlon, the Republican pollster who runs the PAC, may "
        'leave. "I have not decided," Conlon said.',
        "I have not decided", "Kay Conlon", "the Republican pollster",
    ),
    # an office opening a name keeps the words before it that say whose office it is
    (
        'And Clinton campaign Chairman John Podell offered a slogan. "We are ready," Podell said.',
        "We are ready", "John Podell", "Clinton campaign Chairman",
    ),
    # the place of an office is read up to the end of its name, not into the next sentence
    (
        "She faces her party rival, Senator Ben Sand of Vermont. But she is ahead.\n\n"
        '"We will stay in," Mr. Sand said.',
        "We will stay in", "Ben Sand", "Senator of Vermont",
    ),
    # a name that modifies a noun after it takes no role from the words before it
    (
        'Surrounded by veteran Cole haters, Rita Cole kept calm. "I am ready," Cole said.',
        "I am ready", "Rita Cole", None,
    ),
    # a lead that describes a person introduces the person the next paragraph names
    (
        "A British teacher held in a Cairo jail for two years plans to sue the government.\n\n"
        "Maria Dunne claimed in the Observer that officials had ignored her case.",
        "officials had ignored her case", "Maria Dunne", "British teacher held in a Cairo jail for two years",
    ),
    # a party and state after a name, as American papers write them, are part of the office, not a name
    (
        '"It was a fun time," said Representative Peter T. Kane, Republican of New York.',
        "It was a fun time", "Peter T. Kane", "Representative, Republican of New York",
    ),
    # a title's abbreviation does not end an appositive
    (
        '"It was a fun time," said Tommy Vance, a former spokesman for Mr. Oakes.',
        "It was a fun time", "Tommy Vance", "a former spokesman for Mr. Oakes",
    ),
    # --- a document speaks for its author ---------------------------------------------------------------------
    (
        "Ann Lowe and Tom Ray have filed a wrongful death lawsuit against the city.\n\n"
        'The lawsuit contends that "the deaths were avoidable."',
        "the deaths were avoidable", "Ann Lowe", None,
    ),
    (
        "A new book, Britain Now by newspaper columnist Robert Pelham, says the minister broke a pledge.",
        "the minister broke a pledge", "Robert Pelham", "newspaper columnist",
    ),
    (
        "Ann Lowe and Tom Ray have filed a lawsuit against the city.\n\nThe city has not replied. Its lawyers "
        "met on Monday to prepare a defence and to study the claims in detail, and they asked for more time "
        "to answer every one of them, which the court is expected to grant later this month or early next "
        "year at the latest, officials in the mayor's office told reporters who had gathered outside the hall "
        "in the rain. Nobody else spoke.\n\nThe lawsuit also alleges that the city hid evidence.",
        "the city hid evidence", "Ann Lowe", None,
    ),
    # a participial phrase opening the sentence is not its subject
    (
        "Donald Pratt won the primary.\n\nSpeaking earlier in Tampa, Pratt insisted that he had \"grown the "
        "party,\" claiming that he was responsible for the turnout.",
        "he was responsible for the turnout", "Donald Pratt", None,
    ),
    # a predicate going on after an aside has the sentence's subject, not a name inside the predicate
    (
        "Ben Sand, whose sole win came in Maine, did not attack Mrs. Cole directly but argued insistently that "
        "he would be the stronger candidate.",
        "he would be the stronger candidate", "Ben Sand", None,
    ),
    # the owner of a sentence's subject is in focus for a later pronoun
    (
        'Rita Cole spoke to donors.\n\n"You are not going to win this way," said Tom Marsh.\n\nMr. Sand\'s '
        "campaign vowed to fight on. As results came in, he gave a defiant speech, predicting he would win.",
        "he would win", "Sand", None,
    ),
    # "it" goes on from a body that spoke, though the body's name began a longer description
    (
        'Mr Mubanga said he was mistreated. The US government denied the claims, saying it prohibited torture. '
        'In a statement, it said: "He was properly detained."',
        "He was properly detained", "US government", None,
    ),
    # "according to an account she gave to X": the source is who gave it, not the outlet
    (
        "Mara Bell went to the party.\n\nIt was not that simple, according to an account she gave to The Daily "
        "Beacon.",
        "It was not that simple", "Mara Bell", None,
    ),
    # an Arabic name keeps its al- parts, and its first name joins it
    (
        'Kuwaiti Oil Minister Sheikh Ali al-Khalifa al-Sabah spoke. "We are clever," the minister said. Sheikh Ali '
        'also delivered "a clear message".',
        "a clear message", "Ali al-Khalifa al-Sabah", "Kuwaiti Oil Minister",
    ),
    # "X quoted him as saying": the words are his, X relays them
    (
        'Ali Reza spoke on the radio. "The enemy has entered a swamp," Tehran Radio quoted him as saying.',
        "The enemy has entered a swamp", "Ali Reza", None,
    ),
    # a contracted pronoun is a pronoun
    (
        "Patrick spoke first.\n\nDonald Pratt is thanking his supporters.\n\nAnd he’s predicted big wins in "
        "the races ahead.",
        "big wins in the races ahead", "Donald Pratt", None,
    ),
    # ... and the publisher a later sentence names: "new research" is the report the next sentence attributes
    (
        "Firms fail to plan for floods, new research says.\n\nThe finding comes in a report published on "
        "Thursday by the Coastal Resilience Forum and two universities.",
        "Firms fail to plan for floods", "Coastal Resilience Forum", None,
    ),
    (
        "A new book says the minister broke a pledge.\n\nA new book, Broken Britain by newspaper columnist "
        "Robert Pelham, says so.",
        "the minister broke a pledge", "Robert Pelham", "newspaper columnist",
    ),
    # ... and the writer an "In the … cable, X reported" names
    (
        "In the July 9, 2012, cable, Chris Steele reported that security was poor.\n\n"
        'The cable indicated that 13 guards would be the "minimum" needed.',
        "minimum", "Chris Steele", None,
    ),
    # a verb form in -ing opening a sentence is not a name
    (
        'David Gilbert said the boycott calls would not hurt. Fundraising was "stagnant for a while," he added.',
        "stagnant for a while", "David Gilbert", None,
    ),
    # a full name that only a quote gives completes the surname the article uses
    (
        '"Today I met FBI Director James Corry," the minister said.\n\nOn Tuesday, Corry announced that '
        'the inquiry was "closed."',
        "closed", "James Corry", "FBI Director",
    ),
    # a first name read as a woman's in one country and a man's in another does not stop "he" reaching the
    # speaker just quoted
    (
        "Robin Talbot once ran the party's press office.\n\nThe party has been slow to react, Talbot said. "
        "Voters have noticed, he said.",
        "Voters have noticed", "Robin Talbot", None,
    ),
    # a bare share speaks for the group the share before it was of
    (
        "A new poll found that 61 percent of nurses in the region said they were thinking of leaving. "
        "Another 20 percent said they would cut their hours.",
        "they would cut their hours", "Another 20 percent of nurses", None,
    ),
    (
        "The mayor won 48 percent of the vote of registered Democrats to Hale's 40 percent. About 12 percent said "
        "they were undecided.",
        "they were undecided", "About 12 percent of registered Democrats", None,
    ),
    # a stage name that opens with a number is one name; a date or a plural is not
    (
        "Chart news\n\nRapper 40 Grand has fallen out with his label. On Monday, 40 Grand said the label owed him "
        "money.",
        "the label owed him", "40 Grand", None,
    ),
    (
        "On 12 March Ferris said the vote was rigged.", "the vote was rigged", "Ferris", None,
    ),
    # a body a British paper names in lower case is the one its later "the committee" means
    (
        "A report by the Commons transport select committee criticised the rail operator. The committee said the "
        "timetable had failed passengers.",
        "the timetable had failed", "Commons transport select committee", None,
    ),
    # a time phrase between subject and verb ("at the time") leaves the subject speaking
    (
        "Mitch Crane said the party was united. Ann Tully at the time said she had asked her \"people\" to look "
        "into it.",
        "people", "Ann Tully", None,
    ),
    # a cue set off by commas inside a clause reports the whole clause
    (
        "Mitch Crane said the party was united. The network, Ann Tully said, called the move \"highly "
        "significant.\"",
        "highly significant", "Ann Tully", None,
    ),
    # a body's name with "of" in it stays in the office before a name; the office's holder is a person
    (
        "Central Bank of Ruritania first vice-president Karl Marek said the currency was stable. He said the "
        "bank would act.",
        "the bank would act", "Karl Marek", "Central Bank of Ruritania first vice-president",
    ),
    # a member of a body is a person, not the body
    (
        "Jonathan Baume, of the civil servants' union, spoke of \"competing agendas\".",
        "competing agendas", "Jonathan Baume", "of the civil servants' union",
    ),
    # a party tag and a relative clause between a subject and its verb leave it the subject a "he" refers to
    (
        "Ella Dunn, an aide, briefed reporters.\n\nRep. Owen Marsh (R-Kans.), who has read the memos, agreed.\n\n"
        '"The risk was real," he said.',
        "The risk was real", "Owen Marsh", "Representative, R-Kans",
    ),
    # a first name that is also a month or sentence word stays in the name after a job noun
    (
        'Former state governor Jan Harlow backed the plan. "It will pass," she said.',
        "It will pass", "Jan Harlow", "Former state governor",
    ),
    # a town's abbreviated state is no one's name, and an appositive may end in one
    (
        "Rita Coyle, 61, a nurse in Dalton, Ga., said she would vote. \"I have made up my mind,\" she said.",
        "I have made up my mind", "Rita Coyle", "a nurse in Dalton, Ga",
    ),
    (
        "Mel Ortiz spoke first.\n\nDora Finch, 70, a retiree in Akron, Ohio., backs the mayor. \"He listens,\" she "
        "said.",
        "He listens", "Dora Finch", None,
    ),
    # a role before a name never reaches back past a speech verb, and a person named with a first name stays one
    (
        "A civil rights group says Republican candidate Dan Voss's remarks could incite violence. "
        '"I stand by every word," Voss said.',
        "I stand by every word", "Dan Voss", "Republican candidate",
    ),
    # adverbs and "of" plus a place between a subject and its verb
    (
        "Mayor Tom Reed praised the deal.\n\nSenator Ann Beck of Vermont, the committee chair, also welcomed it. "
        '"It is overdue," she said.',
        "It is overdue", "Ann Beck", "Senator of Vermont",
    ),
    # a Korean name gives the family name first: "Mr. Ban" is Ban Ki-moon
    (
        "Ban Ki-moon, the secretary general, visited the camp.\n\nBan said the aid would arrive soon.",
        "the aid would arrive", "Ban Ki-moon", "the secretary general",
    ),
    # a surname that is also a sentence word or an auxiliary ("May") is still a name
    (
        "Prime Minister Theresa Vale spoke after Theresa May said the deal was done.",
        "the deal was done", "Theresa May", None,
    ),
    (
        'Yin Myint May, 60, a doctor, said she was elated. "We must be cautious," she said.',
        "We must be cautious", "Yin Myint May", "a doctor",
    ),
    # a party member described: the definite one is the person in focus, the indefinite one an unnamed source
    (
        "Paul Ryder spoke on Sunday.\n\nIt was a reversal for the Wisconsin Republican, who had backed the bill. "
        '"I am not there yet," he said.',
        "I am not there yet", "Paul Ryder", None,
    ),
    (
        '"He will not collapse in a week," said a New Hampshire Republican, who asked not to be named.',
        "He will not collapse", "New Hampshire Republican", None,
    ),
    # an opening phrase with commas in it still leaves the subject after it in focus
    (
        "Joey Salas filed a bill in Manila.\n\nAt a rally in Portland, Maine, on Thursday, Ron Dale named the "
        'country. "We cannot vet them," he said.',
        "We cannot vet them", "Ron Dale", None,
    ),
    # a name set off by commas after its description is the sentence's subject
    (
        "Sanders advisers declined to comment. But his wife, Jane, offered a preview. \"He wants this movement to "
        'go on," she said.',
        "He wants this movement", "Jane", "his wife",
    ),
    # a generational suffix follows the surname: Admiral Harris is Harry B. Harris Jr.
    (
        "Adm. Harry B. Harris Jr., who leads the Pacific Command, spoke in Hawaii.\n\n"
        '"It is a healthy tension," Admiral Harris said.',
        "It is a healthy tension", "Harry B. Harris Jr", "Admiral",
    ),
    # a participle phrase after the subject names a listener, not the speaker
    (
        "Another intelligence source speaking to Fox News said the agents were furious.",
        "the agents were furious", "Another intelligence source", None,
    ),
    # a pronoun closing a reported clause is not a name inside that clause
    (
        "Joseph Hart, a blogger in Chicago, said he will not vote for Trump. Also, Trump isn't a conservative, he "
        "said.",
        "Trump isn't a conservative", "Joseph Hart", "a blogger in Chicago",
    ),
    # an auxiliary with "n't" is a subject's verb
    (
        'Bernie Sanders spoke after Obama. Sanders wasn\'t impressed.\n\n"No banker has been prosecuted," he noted.',
        "No banker has been prosecuted", "Bernie Sanders", None,
    ),
    # manner verbs cue quoted words ("interjected", "laughed")
    (
        'Clinton said her plan was strong, to which Martin O\'Malley interjected: "It\'s just not true."',
        "It's just not true", "Martin O'Malley", None,
    ),
    # a word the article writes in lower case is no name when it opens a sentence
    (
        "The race tightened. Increasingly, Sanders supporters say the race is rigged, and increasingly they are "
        "angry.",
        "the race is rigged", "Sanders supporters", "Sanders supporters",
    ),
    # a first name read only "mostly" one way gives way to the pronoun for the speaker just quoted
    (
        'Senator Lindsey Graham spoke after Donald Trump. "We are losing Hispanic voters," Graham said.\n\n'
        'He continued, "We cannot afford to lose this election."',
        "We cannot afford", "Lindsey Graham", "Senator",
    ),
    # "X, the Y on the Z Committee, who said": the name before the appositive speaks, not the body in it
    (
        "Her position was supported by Sen. Dianne Feinstein of California, the ranking Democrat on the Senate "
        "Intelligence Committee, who said none of the emails originated with Clinton.",
        "none of the emails originated", "Dianne Feinstein", "Senator of California",
    ),
    # a subject opening a clause joined on with ", but" is in focus
    (
        "Rubio repeated his lines. The moderators moved on, but Chris Christie wasn't having it.\n\n"
        '"That is what Washington does," he said.',
        "That is what Washington does", "Chris Christie", None,
    ),
    # a long aside between dashes leaves the name before it the subject
    (
        "John Podesta spoke first. Pollster Whit Ayres -- author of a report that, after the party's defeat in "
        "2012, urged it to court an increasingly diverse electorate -- is skeptical.\n\n"
        '"His better bet is to change the subject," he said.',
        "His better bet", "Whit Ayres", "Pollster",
    ),
    # the subject after a fronted subordinate clause is in focus, however long the clause
    (
        "Rachel Maddow hosted the forum.\n\nWhen Maddow pointed out that Bernie Sanders calls his plan \"Medicare for "
        'all," Hillary Clinton seized on the phrase. "It is not the same if you hand it to the states," she said.',
        "It is not the same", "Hillary Clinton", None,
    ),
    # an auxiliary with "n't" before a bare verb: the name is the subject ("wouldn't say", "doesn't mince")
    (
        'Ken Marsh chairs the council.\n\nCouncil spokesman Dan Whitby wouldn\'t say when the vote would be held. '
        '"There is nothing to announce," he said.',
        "nothing to announce", "Dan Whitby", "Council spokesman",
    ),
    (
        "Paul Ortega backs the deal, but Representative Lyle Brooks, who sits on the trade panel, doesn't mince "
        'words.\n\n"This deal will cost jobs," he said.',
        "This deal will cost jobs", "Lyle Brooks", "Representative",
    ),
    # a possessive before a plural is no subject: "years" is not a verb in -s
    (
        "The rival campaign grew fast and Ray Cobb canvasses for it full time. Dismayed by Tom Hale's years in "
        'office, he quit his job.\n\n"I had to do something," he said.',
        "I had to do something", "Ray Cobb", None,
    ),
    # a role noun in -man or -woman says the person's gender, over a first name read both ways
    (
        'Trade adviser Tom Hale spoke first. "It was a theft," Hale said.\n\nSpeaking in Beijing, foreign ministry '
        'spokesman Lu Wen repeated that China opposed hacking. "This is irresponsible," he told reporters.',
        "This is irresponsible", "Lu Wen", "foreign ministry spokesman",
    ),
    # a first name makes a person of a surname that a role read first had typed an organisation
    (
        "Vance, the agency chief, flew to the summit. It is a second chance for Donald Vance to win over the unions."
        '\n\n"The deal is dead," his rival Tom Reed said. In brief remarks, Vance called the strike a disgrace, but '
        'he also noted "the hard work of the police."',
        "the hard work of the police", "Donald Vance", "the agency chief",
    ),
    # a sentence opening on a participle phrase of any length: the name after its comma is the subject
    (
        "Senator Tom Reed spoke first and praised the plan.\n\nFilling in for the governor at the same dinner where "
        'Reed and the mayor appeared on Sunday, Paul Shaw took aim at the budget. "It does not add up," he said.',
        "It does not add up", "Paul Shaw", None,
    ),
    # "another club" is not the club named before
    (
        "Kingsport Rovers said the fee was fair.\n\nThe chairman of another club said that the fee was far too high.",
        "the fee was far too high", "The chairman of another club", None,
    ),
    # the unnamed speaker just quoted ("one western diplomat") is the "he" who goes on, before a name further back
    (
        "Trade talks resumed in Geneva on Monday, said Paul Hart, the chief negotiator.\n\n\"We are close,\" one western "
        'diplomat said. "A deal could come this week," he added.',
        "A deal could come this week", "one western diplomat", "western diplomat",
    ),
    # ... but not a definite description (the person it describes is named), nor one with a person of that gender
    # named before it in its sentence
    (
        "The sitcom, now in its fifth season, is led by Tim Allen, who plays a father of three.\n\nDiscussing the show "
        'in a radio interview, the actor explained the gap between him and his character. "I am not as well worded," '
        "he said.",
        "I am not as well worded", "Tim Allen", None,
    ),
    (
        'Jo Platt runs the campaign.\n\nMs. Platt is "very confident," a top aide said, and she has often said that '
        '"nothing is certain."',
        "nothing is certain", "Jo Platt", None,
    ),
    # an initial inside the appositive between a subject and its verb
    (
        "Mark Bell, a retired colonel, called the plan sound. Juan Ortiz, like George W. Bush before "
        'him, also questioned it.\n\n"The logic does not hold," he said.',
        "The logic does not hold", "Juan Ortiz", None,
    ),
    # a subject never reaches back into the quote its sentence opens with
    (
        "Ted Cruz opposed the fuel standard.\n\n“The answer you’d like is, ‘I’m for the RFS, darn it,’” Cruz, who "
        "has proposed repealing it, said at the time.",
        "The answer you’d like", "Ted Cruz", None,
    ),
    # a described subject after ", but" is in focus
    (
        "Ms. Hughes avoids politics with her mother, but their neighbor Benjamin Green, 83, knows what is needed. "
        "\"It'll take a junkyard dog,\" he said.",
        "junkyard dog", "Benjamin Green", "their neighbor",
    ),
    # family nouns are roles: "his cousin James York, 40," opens its sentence
    (
        "Jessie Elkins said he was worried. The other man, his cousin James York, 40, cited the polls. \"He's "
        'talking too much trash," he said.',
        "talking too much trash", "James York", "his cousin",
    ),
    # a name set off after a description and a phrase saying where: "said his best friend at Lehigh, Bruce Turry"
    (
        '"It was his first stand against his father," said his best friend at Lehigh, Bruce Turry.',
        "his first stand", "Bruce Turry", "his best friend at Lehigh",
    ),
    # a name set off after a person described is the speaker, the description the role
    (
        "Fear spread online after the attacks. \"We're anxious,\" said another Twitter user, Johanna Bayer.",
        "We're anxious", "Johanna Bayer", "another Twitter user",
    ),
    # "by" before a means of speaking or a gerund is no passive agent: the cue keeps its subject
    (
        "Her son was at the station when the bomb went off.\n\n"
        '"The city should close the square," Ms. Okafor said by telephone. "Nobody listens."',
        "The city should close", "Okafor", None,
    ),
    (
        'Rents rose again in March. "We cannot keep up," Hal Birch replied by email.',
        "We cannot keep up", "Hal Birch", None,
    ),
    # a relative clause with "that" ends the subject after an inverted cue
    (
        'Trade in the market is slow. "We were told lies," said one owner of a bakery that sells to tourists.',
        "We were told lies", "one owner of a bakery", "owner of a bakery",
    ),
    # ... also with a middle initial, and with the body the person is of after the name
    (
        '"The odds are long," said the agency\'s director, Paula K. Reyes, on Monday.',
        "The odds are long", "Paula K. Reyes", "the agency's director",
    ),
    (
        '"The odds are long," said another leading Supreme Court advocate, Mark T. Olsen of the firm Hale Dorr.',
        "The odds are long", "Mark T. Olsen", "another leading Supreme Court advocate",
    ),
    # a tycoon, a moderator, a narrator … are people: the description is no name
    (
        'The race tightened.\n\nThe real estate mogul said he "would win Ohio."',
        "would win Ohio", "The real estate mogul", "real estate mogul",
    ),
    # the predicate after an appositive keeps the subject before it, not a name inside the predicate
    (
        "Dan Ames, the treasurer of the Fair Vote PAC, has egged on supporters on Facebook with slogans like "
        '"Vote every race, every year."',
        "Vote every race", "Dan Ames", "the treasurer of the Fair Vote PAC",
    ),
    # a cue inside the attribution of the quote before describes that speaker: the next quote continues it
    (
        'Turnout fell.\n\n"The base is tired," says Ann Ray, a pollster who advised the mayor\'s campaign. '
        '"Nobody knocks on doors now."',
        "Nobody knocks on doors", "Ann Ray", "a pollster",
    ),
    # quoted words after "as" describe someone's remarks in the subject's words: the subject speaks, not the owner
    (
        "Gil Pike spoke at the dock on Friday.\n\nTara Voss denounced Pike's remarks as \"cheap and cruel\" on "
        "Sunday.",
        "cheap and cruel", "Tara Voss", None,
    ),
    # a preposition or adverb opening a sentence is never a name, whatever the article writes in lower case
    (
        "Amid calls for a recount, the Ledger's Omar Haddad wrote a column, urging the city to \"count every "
        "ballot again.\"",
        "count every ballot", "Omar Haddad", None,
    ),
    # a name that opens a relative or "that" clause before its cue is the cue's subject, not a name further back
    (
        "The council met in Leeds, in what Nadia Brook, the group's treasurer, called \"a shambles.\"",
        "a shambles", "Nadia Brook", "the group's treasurer",
    ),
    (
        "The mayor toured the harbour in Dover, and made claims that Ross Kemble, for one, called \"plain wrong.\"",
        "plain wrong", "Ross Kemble", None,
    ),
    # a person's name set off by commas after an opening phrase speaks, not a name ending the phrase before it
    (
        "Alarmed by the flooding in Norfolk, Senator Hana Pryce, the committee chair, said the county faced "
        "\"a hard winter.\"",
        "a hard winter", "Hana Pryce", "the committee chair",
    ),
    # two name words after a news outlet's possessive are one of its people, though the first-name data lack them
    (
        "The vote was close. As the Daily Herald's Teodric Anwell wrote, \"nobody saw it coming.\"",
        "nobody saw it coming", "Teodric Anwell", None,
    ),
    # a passive agent inside a relative clause set off by commas is an aside, not the fragment's speaker
    (
        "Nell Ortega then accused the jury, which was picked by the Hartwell Trust, of being \"bought and paid for.\"",
        "bought and paid for", "Nell Ortega", None,
    ),
    # a title-case headline word ends a name: the name after it is a name of its own
    (
        "Live coverage of the debate.\n\nAmanda Price 9:32PM Chris Christie Is Over Marco Rubio's Same Old Speech\n"
        'The fangs came out early. "I fought for that bill," Rubio said.',
        "I fought for that bill", "Marco Rubio", None,
    ),
    # a manner verb is a cue for the quote it is set against
    (
        'Karen Doyle took the podium first. "Not a chance," Doyle deadpanned when asked about a recount.',
        "Not a chance", "Karen Doyle", None,
    ),
    (
        "Gina Marr and her brother Tom were at the dock. Tom circled the trawler as Gina Marr jeered, "
        '"Go home!"',
        "Go home!", "Gina Marr", None,
    ),
    # the subject of a clause opened by a subordinator is in that clause, not the phrase before it
    (
        "Harlow Mills backed the bill, although critics have said it was written by lobbyists.",
        "it was written by lobbyists", "critics", "critics",
    ),
    # a name a speaker coins after a naming verb: the pronoun before "dubbed" makes it theirs, not a plan's name
    (
        'Carl Boyd spoke for an hour at a rally in Tampa. He took swipes at his rival, who he dubbed '
        '"the little senator."',
        "the little senator", "Carl Boyd", None,
    ),
    # "called" with a titled name as its object
    (
        'Ms. Betty Friedan called Mrs. Schlafly an "Aunt Tom."',
        "Aunt Tom", "Betty Friedan", None,
    ),
    # a title inside the subject's appositive, its comma inside the marks, is read across
    (
        'As Akhil Amar, author of "Unwritten Constitution," put it, "Senate Republicans should remember that."',
        "Senate Republicans should remember", "Akhil Amar", 'author of "Unwritten Constitution"',
    ),
    # a person known or identified by a name alone: the name is the speaker, the description the role
    (
        '"There never was a stand-down order," said the base chief known as Bob, speaking for the first time.',
        "There never was a stand-down order", "Bob", "the base chief",
    ),
    (
        '"We were never told," said a woman who identified herself only as Maria.',
        "We were never told", "Maria", "a woman",
    ),
    # a name before a colon after a preposition is the listener, not the speaker's label
    (
        'Senator Ida Marsh delivered a blunt message to Mayor Tom Greer: "It is time to stop attacking people."',
        "It is time to stop", "Ida Marsh", "Senator",
    ),
    (
        'One early supporter, Representative Lee Zeldin, gave the idea a whirl in an interview with CNN on '
        'Tuesday: "You can easily argue that."',
        "You can easily argue that", "Lee Zeldin", "One early supporter",
    ),
    # phrasal cues, and a cue in a clause of its own after the previous quote's attribution starts a new speaker
    (
        '"Tell her I promised you a picture," Betsy Ebeling said, and her husband cut in. "Do not forget me."',
        "Do not forget me", "Ebeling's husband", "husband",
    ),
    (
        '"We tried twice," Mayor Ann Lee said. "They will lose," Councillor Bo Park shot back.',
        "They will lose", "Bo Park", "Councillor",
    ),
    # two offices joined before one name
    (
        '"He is reprising that role," said former Ohio Gov. and Democratic Party Chairman Ed Rennick.',
        "He is reprising that role", "Ed Rennick", "Ohio Gov. and Democratic Party Chairman",
    ),
    # a name set off after a description and a time phrase
    (
        '"The party was working to change its image," wrote the American ambassador at the time, John E. Herst.',
        "The party was working", "John E. Herst", "the American ambassador",
    ),
    # a participle shares the subject after two opening clauses
    (
        'On Tuesday, even as shares of Valeant were tumbling, Mr. Bill Ackman wrote to investors, telling them '
        'Valeant was "worth multiples of the current market price."',
        "worth multiples", "Bill Ackman", None,
    ),
    # a modal is no part of the subject before it; a clause after "concluded that" holds no inverted speaker
    (
        'Ann Dale said the council should reject the "reckless" plan.',
        "reckless", "Ann Dale", None,
    ),
    (
        'A legal opinion drafted in May 2012, and obtained by the Beacon, concluded that the Harbour Centre '
        'qualified as a "foreign principal" under the law.',
        "foreign principal", "A legal opinion", None,
    ),
    # a name set off after "the editor of the … newspaper" names the newspaper; the person before speaks
    (
        "Marco Vianello, the editor in chief of the diocese's official newspaper, La Voce, said every bishop was "
        '"both religious and political."',
        "both religious and political", "Marco Vianello",
        "the editor in chief of the diocese's official newspaper, La Voce",
    ),
    # but an organisation described before its name is the speaker
    (
        "The pair were returning home after a month in Paris, their children's school, Leaders' College, said "
        'in a "heartbroken" statement.',
        "heartbroken", "Leaders' College", "their children's school",
    ),
    # an irregular past verb marks the subject before a coordinated cue
    (
        'Asked whether Mr. Lund would hold a cabinet post, Mrs. Ada Lund shook her head and said, "No."',
        "No.", "Ada Lund", None,
    ),
    # colon layouts: an office's "of" is no object's preposition; a year after the name is stepped over
    (
        'Former secretary of state Hana Rudd:"We learned that from the department."',
        "We learned that", "Hana Rudd", "Former secretary of state",
    ),
    (
        'Here is Rudd in December 1992: "Our new direction must rest on the new realities."',
        "Our new direction", "Rudd", None,
    ),
    # a stray comma after a party tag does not hide the name before it
    (
        "Bernie Sanders spoke first. Hill Democrats were vague. Sen. Jack Reed (D-R.I.), said after a lunch that he "
        'had not read the plan, but called it "a step forward."',
        "a step forward", "Jack Reed", "Senator, D-R.I",
    ),
    # a "who" clause about a name in the object is an aside: the next "he" is the sentence's subject
    (
        "Speaking on the radio Monday, Carl Boyd refrained from attacking his rivals, particularly Tom Reyes, who "
        'says the senator lacks experience.\n\nHe dismissed criticism of his debate, saying it was "our best night."',
        "our best night", "Carl Boyd", None,
    ),
    # but a passive's agent is what its sentence is about
    (
        "The plan was backed Friday by Sen. Dina Feld of Ohio, the ranking Democrat on the committee, who said it "
        'was fair.\n\n"It never made sense to me," she said.',
        "It never made sense to me", "Dina Feld", "Senator of Ohio",
    ),
    # a surname in -ing opening a sentence before a speech verb is a name, not a gerund
    (
        "Ben Boreing leads the group. Boreing said the members will still meet, but said, \"It's time to move on.\"",
        "It's time to move on", "Ben Boreing", None,
    ),
    # a stray comma after a party tag, even after a name set off by commas before it
    (
        "Tuesday at Baldwin Wallace University in Berea, OH, after winning the primary, Gov. John Kasich (R-OH), "
        'said, "I am getting ready to rent a covered wagon."',
        "I am getting ready", "John Kasich", "Governor, R-OH",
    ),
    # but an acronym in brackets is part of the appositive role
    (
        "Standwell Mapara, general manager of the Tanzania-Zambia Railway Authority (TAZARA), said the line "
        'was "in good shape."',
        "in good shape", "Standwell Mapara", "general manager of the Tanzania-Zambia Railway Authority (TAZARA)",
    ),
    # a participle phrase with its agent after the subject: the noun before it speaks
    (
        "A letter from the American Legion obtained by The Associated Press warns that \"any further communication "
        'will be through our attorney."',
        "any further communication", "American Legion", None,
    ),
    # a subject after "after" is that clause's; a crowd's people can speak
    (
        'The mayor spoke after the senator had said the plan was "dead."',
        "dead", "the senator", "senator",
    ),
    (
        'Andrean High School fans also chanted, "Build a wall," during the game.',
        "Build a wall", "Andrean High School fans", "Andrean High School fans",
    ),
    # a share after a relative ("to which 21 percent said"), some on a platform, an opening preposition's phrase
    (
        'The poll asked how likely a win was, to which 21 percent said "not too likely" and 14 percent said "never."',
        "not too likely", "21 percent", None,
    ),
    (
        'Anchor Megyn Kelly was seen entering the tower. According to some on Twitter, Kelly was "incognito."',
        "incognito", "some on Twitter", None,
    ),
    (
        "Alongside NAACP calls for action, a top GOP strategist said Clinton must choose, saying, "
        '"She has to come out."',
        "She has to come out", "a top GOP strategist", "top GOP strategist",
    ),
    # a sentence that gives a person's view ("To X, …") puts her in focus for the next "she"
    (
        "Former Gov. Carla Whitby said Mr. Dunn had lost his way.\n\nTo state university historian Nora Vance, "
        "Mr. Dunn's blank stare seemed to reflect sadness.\n\n\"It looked like heartbreak,\" she said.",
        "It looked like heartbreak", "Nora Vance", "state university historian",
    ),
    # a name ending on a kind of place is a place, never a "he" (though "Lee" is a first name)
    (
        'Franco Ruiz, 18, from Lee County, Fla., disagrees. "I could say anything," he says.',
        "I could say anything", "Franco Ruiz", None,
    ),
    # a past participle is a cue ("had written")
    (
        'As the columnist Lena Parr had written a few years earlier, "We could not have a film industry without him."',
        "We could not have a film industry", "Lena Parr", "columnist",
    ),
    # "Ever" opening a sentence is no name
    (
        "A lawyer has begun vetting Ms. Varga. Ever since she endorsed Mr. Dunn this month, Ms. Varga has been a "
        'surrogate, visiting the headquarters with a simple message: "Don\'t screw this up!"',
        "Don't screw this up", "Varga", None,
    ),
    # words quoted inside a report are the reporter's, even when the reported clause has a cue of its own
    (
        'At one point, Mr. Kemp said TV executives were calling "every 15 minutes."',
        "every 15 minutes", "Kemp", None,
    ),
    (
        'Rep. Anna Lind said in her opening remarks that the platform should back the "stalwart allies" of the city.',
        "stalwart allies", "Anna Lind", "Representative",
    ),
    (
        'According to pool reports, Mayor Dana Kemp said "there is love" in the city after the storm.',
        "there is love", "pool reports", None,
    ),
    # a relay ending the sentence is the source, as after a trailing cue
    (
        'On Monday, Mayor Dana Kemp said she was "happy to see" that the bridge reopened, according to The Courier.',
        "happy to see", "Courier", None,
    ),
    (
        '"It is a platform for all," said Kris Dale, director of the group, reports The Courier. "We are heard."',
        "It is a platform for all", "Courier", None,
    ),
    (
        '"We disagree strongly," spokesman Jamal Ware said in a statement according to The Courier.',
        "We disagree strongly", "Courier", None,
    ),
    (
        'Ms. Dale noted that the levy is "central" to the party platform for the first time, reported The Courier.',
        "central", "Courier", None,
    ),
    (
        'Mr. Kemp welcomed the news, saying the mayor was "doing the right thing," The Courier reported.',
        "doing the right thing", "Courier", None,
    ),
    # a share of the people asked speaks through the poll the sentence opens on
    (
        'In a national Courier/Gallup poll released Monday, 31% of farmers said they were "extremely worried" '
        "about the levy.",
        "extremely worried", "Courier", None,
    ),
    # ... and the complement of the participle ending its description
    (
        '"The claim is speculative," the order released Friday said.',
        "The claim is speculative", "the order released Friday", None,
    ),
    (
        'Mr. Kemp spoke to donors. "We are winning," Mr. Kemp said, according to audio provided to The Courier.',
        "We are winning", "audio provided to The Courier", None,
    ),
    # an outlet's editorial board speaks for the outlet
    (
        'The Harbor Times editorial page weighed in on Tuesday.\n\n"Are we talking about the same mayor?" the '
        "editorial board writes.",
        "Are we talking about the same mayor", "Harbor Times", None,
    ),
    # a cue later in the sentence, in a clause a conjunction opens, does not claim the quote before it
    (
        "Mayor Dana Kemp accuses Tom Reyes of subjecting her to an \u201cartful smear\u201d over the budget while "
        "Reyes suggests the mayor is a captive of big money.",
        "artful smear", "Dana Kemp", "mayor",
    ),
    # an unnamed speaker keeps the relative clause that says who it is; the role stays the description
    (
        '"I would want answers," said a party committee member who supports Mr. Kemp, asking for anonymity.',
        "I would want answers", "a party committee member who supports Mr. Kemp", "party committee member",
    ),
    (
        '"Meh," wrote a reader who runs the account @VotersForKemp.',
        "Meh", "a reader who runs the account @VotersForKemp", None,
    ),
]


@pytest.mark.parametrize("text, words, speaker, role", CASES, ids=[case[2] + ":" + case[1][:20] for case in CASES])
def test_speaker_and_role(text, words, speaker, role):
    text = "Town hall round-up\n\n" + text
    quotes = [q for q in extract(text) if words in q.text]
    assert quotes, f"no quote containing {words!r}: {extract(text)}"
    quote = quotes[0]
    assert (quote.speaker, _normal(quote.role)) == (speaker, _normal(role))
    assert quote.speaker_type is not None


@pytest.mark.parametrize("divider", ["___.", "***", "-----"])
def test_a_pronoun_does_not_reach_back_across_a_section_break(divider):
    text = f'Live updates\n\nMaria Vance won the primary.\n\n{divider}\n\n9:18 p.m.\n\n"We did it," she said.'
    (quote,) = extract(text)
    assert quote.speaker != "Maria Vance"
    assert extract(text.replace(divider, ""))[0].speaker == "Maria Vance"


def test_a_member_of_a_body_is_a_person():
    text = "Union row\n\nJonathan Baume, of the civil servants' union, spoke of \"competing agendas\"."
    (quote,) = extract(text)
    assert (quote.speaker, quote.speaker_type) == ("Jonathan Baume", "person")


def test_a_headline_in_sentence_case_says_who_a_bare_surname_is():
    text = "A shaky balancing act for Kelly Ayotte\n\nAyotte spoke in Concord. Ayotte said she was adapting."
    (quote,) = extract(text)
    assert (quote.speaker, quote.speaker_type) == ("Kelly Ayotte", "person")
    # (a headline in title case runs words into names: its names are not taken)
    assert extract(text.replace("A shaky balancing act for", "Will Voters Turn On"))[0].speaker == "Ayotte"
