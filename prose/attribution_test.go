package prose

import "testing"

// want is one expected attribution: its source, cue and content as the
// words they span (so that a reader sees the exact spans), and its kind.
type want struct {
	source, cue, content string
	kind                 SourceKind
}

// TestAttributionForms holds a fixture for every attribution form the
// model reads (see ../shared/CLAIMS.md): both sides — what it finds and
// what it must not — with exact spans. Text is the writer's own.
func TestAttributionForms(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []want
	}{
		{"Maria Lopez runs the clinic. \"We served nearly 1,400 households,\" she said.", []want{{"she", "said", "\"We served nearly 1,400 households,\"", Named}}},
		{"The clinic served nearly 1,400 households, Lopez said.", []want{{"Lopez", "said", "The clinic served nearly 1,400 households", Named}}},
		{"\"We served 1,400 households,\" said Jane Ruiz, a spokeswoman for the agency.", []want{{"Jane Ruiz", "said", "\"We served 1,400 households,\"", Named}}},
		{"\"This is the hardest vote,\" said the board's chair, Patricia Nolan.", []want{{"the board's chair, Patricia Nolan", "said", "\"This is the hardest vote,\"", Named}}},
		{"Lopez said that 80 percent of voters agree.", []want{{"Lopez", "said", "80 percent of voters agree.", Named}}},
		// A cue opening a sentence before a pronoun is an order to the
		// reader, "it" its object; before a name it speaks.
		{"Maria Lopez runs the lab. Read it and you will find that red does not read as red.", nil},
		{"Said Maria Lopez: red does not read as red.", []want{{"Maria Lopez", "Said", "red does not read as red.", Named}}},
		// A capitalised word leading a year is a date, no name: "the
		// report" after it refers to nobody ("in the report" counts only
		// with a named one); a body's initials still name.
		{"In FY 2012, the report found that 40 teams entered.", []want{{"the report", "found", "In FY 2012, the report found that 40 teams entered.", Unnamed}}},
		{"Notable FY 2012 prizes detailed in the report include 40 teams.", nil},
		{"The FEMA report found that 40 teams entered.", []want{{"The FEMA report", "found", "40 teams entered.", Named}}},
		// "went on to say": a speech verb after "to" that speaks now; a
		// pronoun before a cue that is mostly a noun, with a quotation
		// after it, makes it a verb; a bracketed aside ends no clause.
		{"Maria Lopez went on to note, “red does not read as red.”", []want{{"Maria Lopez", "note", "“red does not read as red.”", Named}}},
		{"Maria Lopez runs the lab. She goes on further to note, “red does not read as red.”", []want{{"She", "note", "“red does not read as red.”", Named}}},
		{"Maria Lopez runs the lab. He adds, “red does not read as red.”", []want{{"He", "adds", "“red does not read as red.”", Named}}},
		{"Maria Lopez plans to note that red does not read as red.", nil},
		{"Tanya Moore of the Department of Agriculture (USDA) also shared her experience and stated that red does not read as red.", []want{{"Tanya Moore", "stated", "red does not read as red.", Named}}},
		// A quotation's own tag may speak with "will" or "would" (a
		// speech's advance text, a habit); "quoted as saying" speaks for
		// the subject; a statement "saying" speaks for its issuer;
		// "agrees" and "questioned" speak only as a quotation's tag.
		{"Maria Lopez runs the lab. “Red does not read as red,” she will say.", []want{{"she", "say", "“Red does not read as red,”", Named}}},
		{"Maria Lopez will announce that red does not read as red.", nil},
		{"The town knows “the long winter.” Harbour experts will describe it in many ways.", nil},
		{"“Red does not read as red,” Maria Lopez is quoted as saying.", []want{{"Maria Lopez", "quoted as saying", "“Red does not read as red,”", Named}}},
		{"Maria Lopez issued a statement saying that red does not read as red.", []want{{"Maria Lopez", "saying", "red does not read as red.", Named}}},
		{"“Red does not read as red,” agrees Maria Lopez.", []want{{"Maria Lopez", "agrees", "“Red does not read as red,”", Named}}},
		{"Maria Lopez agreed to pay the fee.", nil},
		{"Maria Lopez runs the lab. “Is red still red?” she questioned.", []want{{"she", "questioned", "“Is red still red?”", Named}}},
		{"Maria Lopez questioned the figures.", nil},
		// The last cue of a series of verbs, after ", and" or a comma,
		// speaks for the name or pronoun opening the sentence; not for a
		// clause opened by a subordinator, nor for a subject that names
		// no one ("The city").
		{"Ana Ruiz lowered fees, cast doubt on the count, and said that 40 piers had closed.", []want{{"Ana Ruiz", "said", "40 piers had closed.", Named}}},
		{"Ana Ruiz lowered fees and cast doubt on the count, suggested that 40 piers had closed.", []want{{"Ana Ruiz", "suggested", "40 piers had closed.", Named}}},
		// A quoted speaker's own attribution holds only what the quotation
		// holds, not the words of the sentence around it.
		{"“As Ana Ruiz said, the piers are old,” a fisherman told a crowd of 3,000 people.", []want{
			{"Ana Ruiz", "said", "“As Ana Ruiz said, the piers are old,”", Named},
			{"a fisherman", "told", "“As Ana Ruiz said, the piers are old,” a fisherman told a crowd of 3,000 people.", Unnamed}}},
		// The subject of "… and said" runs over a preposition to the name
		// or noun phrase after it ("Researchers at Duke University"), not
		// over a bare noun ("officials at the port"); a relative aside set
		// off by commas before the verb ends no clause, but one closed
		// before "and" and a new subject does.
		{"Researchers at Duke University combed the files and found that 40 percent of homes were empty.", []want{{"Researchers at Duke University", "found", "40 percent of homes were empty.", Named}}},
		{"Two weeks after the storm, officials at the port met and said that 40 piers closed.", []want{{"officials", "said", "40 piers closed.", Vague}}},
		{"Ana Ruiz, who runs the port, visited the quay and said that 40 piers closed.", []want{{"Ana Ruiz", "said", "40 piers closed.", Named}}},
		{"Ruiz hit the port, which was closed, and the mayor met residents and said that 40 piers closed.", nil},
		{"The city lowered fees, cut services, and reported that 40 piers had closed.", nil},
		{"After Ruiz informed the board, it cut fees and said that 40 piers had closed.", nil},
		// A statement "saying" or "confirming" a clause without "that":
		// a pronoun then an auxiliary opens it; a pronoun as the object
		// ("telling them", "saying it plainly") opens none.
		{"Ana Ruiz issued a statement confirming it will close 40 piers.", []want{{"Ana Ruiz", "confirming", "it will close 40 piers.", Named}}},
		{"Ana Ruiz issued a statement saying she had closed 40 piers.", []want{{"Ana Ruiz", "saying", "she had closed 40 piers.", Named}}},
		{"Ana Ruiz won by telling them it was 40 piers.", nil},
		{"Ana Ruiz issued a statement saying it plainly: 40 piers closed.", nil},
		// A day between the source and its cue ("on Monday", "early
		// Friday") is no part of the source, nor, after the cue and before
		// "that", a source named after it; after "and" it joins the cue
		// to the clause's subject as "and said" does, but no other word
		// between does. A day that opens the sentence is its subject.
		{"Ana Ruiz on Monday said that 80 boats sank.", []want{{"Ana Ruiz", "said", "80 boats sank.", Named}}},
		{"Ana Ruiz visited the quay and on Monday announced that 80 boats sank.", []want{{"Ana Ruiz", "announced", "80 boats sank.", Named}}},
		{"The minister, Ana Ruiz, said early Friday that 80 boats sank.", []want{{"The minister", "said", "early Friday that 80 boats sank.", Named}}},
		{"“We lost 80 boats,” said Ana Ruiz that night.", []want{{"Ana Ruiz", "said", "“We lost 80 boats,”", Named}}},
		{"Wednesday added one more delay to the list.", nil},
		{"Ana Ruiz chaired the board and had confirmed 68 captains by May.", nil},
		// A document opening the sentence, an aside on it set off by
		// commas, then a finding cue: the document finds, and the words
		// after the cue are what it found, not a source named after it
		// ("…, said Ruiz"). An aside naming its maker ("conducted by …")
		// names the document; without one it names nobody.
		{"The survey, conducted by the Harbour Institute in May, finds Ruiz with 46 percent.", []want{
			{"the Harbour Institute in May", "conducted", "The survey, conducted by the Harbour Institute in May, finds Ruiz with 46 percent.", Named},
			{"The survey", "finds", "Ruiz with 46 percent.", Named}}},
		{"The survey, taken in May, showed Ruiz with 46 percent.", []want{{"The survey", "showed", "Ruiz with 46 percent.", Unnamed}}},
		{"The survey, taken in May, finds Ruiz with 46 percent.", nil},
		{"The harbour was calm all year, found the Harbour Institute.", []want{{"the Harbour Institute", "found", "The harbour was calm all year", Named}}},
		// "which" after a comma: the thing before it speaks, a noun cue
		// too when a quotation follows.
		{"Ruiz carried the Harbour Board report, which notes, “the north quay floods every winter.”", []want{{"the Harbour Board report", "notes", "“the north quay floods every winter.”", Named}}},
		{"Ruiz carried the Harbour Board report, which notes the dates.", nil},
		{"The team ran a large content audit, which showed that red does not read as red.", nil},
		// A title's stop is part of the name: the strict cue speaks.
		{"“Red does not read as red,” Ms. Lopez continued.", []want{{"Ms. Lopez", "continued", "“Red does not read as red,”", Named}}},
		{"“Red does not read as red,” Sen. Maria Lopez said.", []want{{"Sen. Maria Lopez", "said", "“Red does not read as red,”", Named}}},
		// A capitalised modal right before the cue is a name: "Will
		// wrote", "Theresa May said"; "will announce" stays speech to come.
		{"Theresa May said the vote “will go ahead on Tuesday.”", []want{{"Theresa May", "said", "the vote “will go ahead on Tuesday.”", Named}}},
		{"George Will wrote that red does not read as red.", []want{{"George Will", "wrote", "red does not read as red.", Named}}},
		// "points out": the strict cue over its particle, with words like
		// "also" between the source and it.
		{"Fuller also points out that 40 percent of fines go unpaid.", []want{{"Fuller", "points", "out that 40 percent of fines go unpaid.", Named}}},
		{"The arrow points out of the frame.", nil},
		// "in her words": the owner of the words, referred back to.
		{"Maria Lopez runs the lab. In her own words, “red does not read as red.”", []want{{"her", "words", ", “red does not read as red.”", Named}}},
		{"Maria Lopez runs the lab. Her words were kind.", nil},
		// Criticism is speech: "criticized", "accused", "blasted", "slams"
		// attribute what they are said about; a passive with no one named
		// attributes nothing.
		{"Ruiz accused the mayor of hiding $4 million in fees.", []want{{"Ruiz", "accused", "the mayor of hiding $4 million in fees.", Named}}},
		{"Lopez slams the ruling that blocked the plan to shield millions of tenants.", []want{{"Lopez", "slams", "the ruling that blocked the plan to shield millions of tenants.", Named}}},
		{"Lopez criticized the plan as “cruel and pointless for every family.”", []want{{"Lopez", "criticized", "the plan as “cruel and pointless for every family.”", Named}}},
		{"Some critics blasted the mayor for the fees.", []want{{"Some critics", "blasted", "the mayor for the fees.", Vague}}},
		{"The ruling was criticized.", nil},
		// A finding coordinated with another verb speaks for the clause's
		// subject, as a speech verb does; an everyday near cue does not; an
		// initial's stop inside an aside ends no clause.
		{"The Urban Institute combed through the filings and found that 64 percent kept offshore accounts.", []want{{"The Urban Institute", "found", "64 percent kept offshore accounts.", Named}}},
		{"Ruiz drove to the lake and read a book.", nil},
		{"I searched for the top inventor (Maria K. Lopez) and found that she had 99 patents.", []want{{"I", "found", "she had 99 patents.", Unnamed}}},
		{"Common Ground says 40 percent of tenants pay late.", []want{{"Common Ground", "says", "40 percent of tenants pay late.", Named}}},
		{"The plan, Ruiz said, will cost $3 million.", []want{{"Ruiz", "said", "The plan, Ruiz said, will cost $3 million.", Named}}},
		{"Ruiz, who founded the clinic, said 40 people came.", []want{{"Ruiz", "said", "40 people came.", Named}}},
		{"According to the Census Bureau, 12 percent of homes are vacant.", []want{{"the Census Bureau", "According to", "12 percent of homes are vacant.", Named}}},
		{"Twelve percent of homes are vacant, according to census data.", []want{{"census data", "according to", "Twelve percent of homes are vacant", Named}}},
		// "federal data" names no agency, unless one is named before it.
		{"Twelve percent of homes are vacant, according to federal data.", []want{{"federal data", "according to", "Twelve percent of homes are vacant", Vague}}},
		{"The Labor Department counts homes. Twelve percent are vacant, according to federal data.", []want{{"federal data", "according to", "Twelve percent are vacant", Named}}},
		// A source cut at its word limit inside a name runs to the name's end;
		// "by" and a name inside it say whose the document is.
		{"According to a 12-count civil complaint filed by the federal Securities and Exchange Commission, the firm hid $4 million.", []want{{"a 12-count civil complaint filed by the federal Securities and Exchange Commission", "According to", "the firm hid $4 million.", Named}}},
		// A quantifier before a plural names no one, a name before the noun
		// notwithstanding: the group is vague; some "of" a group known by
		// no name are the text's own (unnamed); a role of a named body
		// stays named.
		{"After the rally, several Clinton supporters said the speech had worked.", []want{{"several Clinton supporters", "said", "After the rally, several Clinton supporters said the speech had worked.", Vague}}},
		{"Several of our colleagues said the class had helped.", []want{{"Several of our colleagues", "said", "the class had helped.", Unnamed}}},
		{"Many of the kids said they had rules.", []want{{"Many of the kids", "said", "they had rules.", Unnamed}}},
		{"Some environmental groups acknowledge that the plan worked.", []want{{"Some environmental groups", "acknowledge", "the plan worked.", Vague}}},
		{"The workers met at a bar. Most of them said they liked the work.", []want{{"Most of them", "said", "they liked the work.", Unnamed}}},
		{"Most experts said they liked the plan.", []want{{"Most experts", "said", "they liked the plan.", Vague}}},
		{"Some RNC officials said the speech had worked.", []want{{"Some RNC officials", "said", "the speech had worked.", Named}}},
		// A share of a group that speaks ("74 percent of Texas voters say",
		// "a majority of Iowa voters say", "nine in 10", "two-thirds of",
		// "three out of four", "64 percent who say") is a poll's answer,
		// not its source: a name inside the group names no one who gave
		// the figures. A count of a named body's people stays named.
		{"Seventy-four percent of Texas voters say they like the plan, compared with 64 percent who say the same of the rival.", []want{
			{"Seventy-four percent of Texas voters", "say", "they like the plan, compared with 64 percent who say the same of the rival.", Unnamed},
			{"who", "say", "Seventy-four percent of Texas voters say they like the plan, compared with 64 percent who say the same of the rival.", Unnamed}}},
		{"Nine in 10 Ohio voters say the senator could win, a 16-point margin over the rival.", []want{{"Nine in 10 Ohio voters", "say", "the senator could win, a 16-point margin over the rival.", Unnamed}}},
		{"The poll showed a majority of registered Iowa voters say the board should act: 56% want action.", []want{
			{"The poll", "showed", "a majority of registered Iowa voters say the board should act: 56% want action.", Unnamed},
			{"a majority of registered Iowa voters", "say", "the board should act: 56% want action.", Unnamed}}},
		{"Two-thirds of Texas voters said the plan had failed.", []want{{"Two-thirds of Texas voters", "said", "the plan had failed.", Unnamed}}},
		{"Three out of four Texans say the plan failed.", []want{{"Three out of four Texans", "say", "the plan failed.", Unnamed}}},
		{"A third of Iowa farmers said 40 piers had closed.", []want{{"A third of Iowa farmers", "said", "40 piers had closed.", Unnamed}}},
		{"Two RNC officials said the speech had worked.", []want{{"Two RNC officials", "said", "the speech had worked.", Named}}},
		{"The mayor met Ana Ruiz, who said 40 piers had closed.", []want{{"who", "said", "The mayor met Ana Ruiz, who said 40 piers had closed.", Named}}},
		// A body known by its initials, with one of its roles, or by a name
		// with no word for a body in it ("the Fed"), owns the officials
		// after it; initials with no role after them ("the GOP front-runner")
		// are no body whose officials speak.
		{"Ruiz met the CIA office twice, but officials said the talks came later.", []want{{"officials", "said", "the talks came later.", Named}}},
		{"The Fed plans to move slowly. Officials expect two rises next year.", []want{{"Officials", "expect", "two rises next year.", Named}}},
		{"As the GOP front-runner arrived, a girl was hurt, police said.", []want{{"police", "said", "As the GOP front-runner arrived, a girl was hurt", Vague}}},
		// A document's maker after "from" may be a role of a named body.
		{"The firm will change its rules, according to a letter to Facebook from the chairman of the Harbor Trust.", []want{{"a letter", "according to", "The firm will change its rules, according to a letter to Facebook from the chairman of the Harbor Trust.", Named}}},
		// A verb in a series takes its object after it; after a quotation,
		// the words after the cue speak it.
		{"The team paid close attention, asked some great questions, and wrote pages of notes.", nil},
		{"“She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”", []want{{"an Iowa Democrat", "said", "“She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”", Named}}},
		// A document followed by a clause whose subject made it is theirs.
		{"Jo Ruiz owns two firms, according to new financial documents he submitted.", []want{{"new financial documents", "according to", "Jo Ruiz owns two firms", Named}}},
		{"He owns two firms, according to new financial documents he submitted.", []want{{"new financial documents", "according to", "He owns two firms", Vague}}},
		// A campaign speaks for the candidate its sentence names.
		{"Ruiz visited Ohio; campaign says the trip went well.", []want{{"campaign", "says", "Ruiz visited Ohio; campaign says the trip went well.", Named}}},
		{"The trip went well, campaign staff said.", []want{{"campaign staff", "said", "The trip went well", Vague}}},
		// A body's word written as its name names the body of the role
		// after it; a capital that only opens the sentence does not.
		{"A Treasury spokesman said the agency does not comment.", []want{{"A Treasury spokesman", "said", "the agency does not comment.", Named}}},
		{"Treasury officials said the plan would pass.", []want{{"Treasury officials", "said", "the plan would pass.", Vague}}},
		// "we" right before the cue is its subject: the writer's.
		{"A small group of people we spoke to trust the government.", []want{{"A small group of people we", "spoke", "to trust the government.", FirstHand}}},
		// A clause opened by its auxiliary supposes a case or asks: no
		// attribution; "had" inside a clause is the perfect.
		{"Had the authorities found the posts, they might have kept her out.", nil},
		{"What, then, can the latest studies tell us about hiring?", nil},
		{"Studies had found that naps help.", []want{{"Studies", "found", "naps help.", Vague}}},
		// Officials whose sentence refers to "the agency" speak for it, and
		// are named as it is: unnamed with no name before; not for "the
		// government of" another.
		{"With the issue open, the agency has not used the posts, federal officials said.", []want{{"federal officials", "said", "With the issue open, the agency has not used the posts", Unnamed}}},
		{"Jo Ruiz runs the agency. The agency has not used the posts, officials said.", []want{{"officials", "said", "The agency has not used the posts", Named}}},
		{"Any progress could be undone by the government of the province, officials said.", []want{{"officials", "said", "Any progress could be undone by the government of the province", Vague}}},
		// A role after a word for a body is the named one's when a name
		// stands in its sentence, but police beside a place's name are not
		// that place's; a team speaks for the one its sentence names.
		{"Administration officials said that Obama's plan had two parts.", []want{{"Administration officials", "said", "Obama's plan had two parts.", Named}}},
		{"Police officials said a second device was found in Chelsea.", []want{{"Police officials", "said", "a second device was found in Chelsea.", Vague}}},
		{"The clinic closed, and Ruiz' team said the money is gone.", []want{{"team", "said", "The clinic closed, and Ruiz' team said the money is gone.", Named}}},
		// Something said, owned by a name or by a pronoun referring back to
		// one, attributes what follows "that", "about" or "on".
		{"Clinton made a reference to Comey's testimony on the existence of about 100 emails.", []want{{"Comey's", "testimony", "the existence of about 100 emails.", Named}}},
		{"Romney never shook his infamous comment about 47 percent of the country.", []want{{"his", "comment", "47 percent of the country.", Named}}},
		{"Her comments on the plan were brief.", []want{{"Her", "comments", "the plan were brief.", Unnamed}}},
		// "charges" speaks before a clause; before an amount it bills.
		{"Trump charges that donors gave millions of dollars.", []want{{"Trump", "charges", "donors gave millions of dollars.", Named}}},
		{"Uber charges 20 percent per ride.", nil},
		// A document cut from its cue by a long run, named by its maker after
		// a participle, is the whole run.
		{"But a 46-page analysis released by the Department of Veterans Affairs last month reveals a rising toll.", []want{{"a 46-page analysis released by the Department of Veterans Affairs last month", "reveals", "a rising toll.", Named}}},
		// What a pronoun owns names its owner, named before; plural documents
		// speak with a plural verb.
		{"Trump filed in 1995. Leaked documents from his tax return show he lost $916 million.", []want{{"Leaked documents from his tax return", "show", "he lost $916 million.", Named}}},
		{"Traffic grew at DOE. According to their blog, 15 percent of visits are mobile.", []want{{"their blog", "According to", "15 percent of visits are mobile.", Named}}},
		{"According to their blog, 15 percent of visits are mobile.", []want{{"their blog", "According to", "15 percent of visits are mobile.", Unnamed}}},
		// A source noun before a denied verb is its subject, not a cue.
		{"The USA TODAY tally doesn't include the tens of millions from non-profits.", nil},
		// A form of "have" after "said" is a verb: the words after the cue are
		// what was said, and the name before the apposition said it.
		{"Senator Ana Ruiz, Democrat of Oregon, said the program has sent a message to 40,000 families.", []want{{"Senator Ana Ruiz", "said", "the program has sent a message to 40,000 families.", Named}}},
		{"Per the FBI, arrests rose 12 percent.", []want{{"the FBI", "Per", "arrests rose 12 percent.", Named}}},
		{"Gallup's 2023 survey put support at 45 percent.", []want{{"Gallup's 2023 survey", "put", "support at 45 percent.", Named}}},
		{"Eurostat's figures show 300 cases.", []want{{"Eurostat's figures", "show", "300 cases.", Named}}},
		{"Government data showed 12,000 jobs.", []want{{"Government data", "showed", "12,000 jobs.", Named}}},
		// A name of everyday words capitalised together is a name after an
		// opening phrase too, where its first word does not open the sentence.
		{"In breaking down the results, Army Times found that 72 percent agreed.", []want{{"Army Times", "found", "In breaking down the results, Army Times found that 72 percent agreed.", Named}}},
		{"Later, Census Bureau data showed 12,000 jobs.", []want{{"Census Bureau data", "showed", "Later, Census Bureau data showed 12,000 jobs.", Named}}},
		{"In the end, State officials said 12 clinics closed.", []want{{"State officials", "said", "In the end, State officials said 12 clinics closed.", Vague}}},
		{"The Quinnipiac poll showed Smith ahead by 6 points.", []want{{"The Quinnipiac poll", "showed", "Smith ahead by 6 points.", Named}}},
		{"The plan was unveiled by the committee.", []want{{"the committee", "unveiled", "The plan was unveiled by the committee.", Unnamed}}},
		// A passive's content is its subject, not what follows the source;
		// after a relative word the main clause goes on with what was said.
		{"“Skin” was written by Springsteen after the death of Diallo, who was shot at 41 times.", []want{{"Springsteen", "written", "“Skin” was written by Springsteen", Named}}},
		{"The figure, which was reported by Reuters, shows 40 percent.", []want{{"Reuters", "reported", "The figure, which was reported by Reuters, shows 40 percent.", Named}}},
		// A noun-cue after a name and before a modal is a verb whose clause
		// lost its subject to a relative word before the name.
		{"The credit, which the Tax Foundation estimates would cost $170 billion, is new.", []want{{"the Tax Foundation", "estimates", "would cost $170 billion, is new.", Named}}},
		{"Their estimates would be revised.", nil},
		{"Ruiz: \"We will not back down from this fight.\"", []want{{"Ruiz", ":", "\"We will not back down from this fight.\"", Named}}},
		{"\"We will not back down from this fight.\" — Jane Ruiz", []want{{"Jane Ruiz", "—", "\"We will not back down from this fight.\"", Named}}},
		{"Acme boasts 3 million users.", []want{{"Acme", "boasts", "3 million users.", Named}}},
		{"A Labor Department spokesman said 200 workers were hired.", []want{{"A Labor Department spokesman", "said", "200 workers were hired.", Named}}},
		{"Studies show that sleep matters.", []want{{"Studies", "show", "sleep matters.", Vague}}},
		{"Reports suggest 40 percent of firms will close.", []want{{"Reports", "suggest", "40 percent of firms will close.", Vague}}},
		{"A recent study found that 30 percent of teens vape.", []want{{"A recent study", "found", "30 percent of teens vape.", Vague}}},
		{"Analysts expect prices to rise.", []want{{"Analysts", "expect", "prices to rise.", Vague}}},
		{"Observers noted a sharp drop.", []want{{"Observers", "noted", "a sharp drop.", Vague}}},
		{"People familiar with the matter said the deal is worth $3 billion.", []want{{"People familiar with the matter", "said", "the deal is worth $3 billion.", Vague}}},
		{"A source close to the mayor said the budget is short.", []want{{"A source close to the mayor", "said", "the budget is short.", Vague}}},
		{"It is widely believed that the tax will pass.", []want{{"", "It is widely believed", "the tax will pass.", Vague}}},
		{"The tax will reportedly raise $2 billion.", []want{{"", "reportedly", "The tax will reportedly raise $2 billion.", Vague}}},
		{"Officials said the bridge will reopen.", []want{{"Officials", "said", "the bridge will reopen.", Vague}}},
		{"We found 42 broken links in our audit.", []want{{"We", "found", "42 broken links in our audit.", FirstHand}}},
		{"The program served 1,400 households, he said.", []want{{"he", "said", "The program served 1,400 households", Unnamed}}},
		{"Half of the voters surveyed in a new poll released Monday support Clinton.", []want{{"Half of the voters", "surveyed", "in a new poll released Monday support Clinton.", Unnamed}}},
		{"In a survey by Pew, 40 percent of adults agreed.", []want{{"a survey by Pew", "In", "40 percent of adults agreed.", Named}}},
		{"A new poll released Monday found that 40 percent of voters back Clinton.", []want{{"A new poll released Monday", "found", "40 percent of voters back Clinton.", Vague}}},
		{"The Quinnipiac poll released Monday found 40 percent support.", []want{{"The Quinnipiac poll released Monday", "found", "40 percent support.", Named}}},
		{"Mayor Lee is telling residents after the flood that \"the worst is over.\"", []want{{"Mayor Lee", "telling", "residents after the flood that \"the worst is over.\"", Named}}},
		{"Ruiz, touring the site in May, is pledging to \"rebuild every last house.\"", []want{{"Ruiz", "pledging", "to \"rebuild every last house.\"", Named}}},
		{"Ruiz toured the site and said the bridge had \"a crack down its whole length.\"", []want{{"Ruiz", "said", "the bridge had \"a crack down its whole length.\"", Named}}},
		{"\"It would end the plan\" if it lost by more than that, said Dana Ruiz, an analyst.", []want{{"Dana Ruiz", "said", "\"It would end the plan\" if it lost by more than that", Named}}},
		{"Senator Ana M. Ruiz (D-Ore.) told reporters that the bill is dead.", []want{{"Senator Ana M. Ruiz", "told", "the bill is dead.", Named}}},
		{"The RCP average shows Clinton ahead by 3.7 points.", []want{{"The RCP average", "shows", "Clinton ahead by 3.7 points.", Named}}},
		{"The Gallup poll shows the senator at 47 percent.", []want{{"The Gallup poll", "shows", "the senator at 47 percent.", Named}}},
		{"Senator Ruiz cited 88 retired generals who back him.", []want{{"Senator Ruiz", "cited", "88 retired generals who back him.", Named}}},
		{"The next most cited reason was cost.", nil},
		{"The IMF expects growth of 1.6 percent.", []want{{"The IMF", "expects", "growth of 1.6 percent.", Named}}},
		{"Scholars at the Peterson Institute modeled a loss of 4.8 million jobs.", []want{{"Scholars at the Peterson Institute", "modeled", "a loss of 4.8 million jobs.", Named}}},
		{"She thinks the vote is close.", nil},
		// A verb of thinking right before or after a quotation gives the
		// thinker's own words; inside a clause, a view.
		{"Maria wondered, “Could we have shipped it a month earlier?”", []want{{"Maria", "wondered", "“Could we have shipped it a month earlier?”", Named}}},
		{"She thought to herself: “Nobody reads these letters.”", []want{{"She", "thought", "to herself: “Nobody reads these letters.”", Unnamed}}},
		// Single curly quotes open a quotation as double ones do.
		{"We thought to ourselves, ‘if they can do it, shouldn’t we?’", []want{{"We", "thought", "to ourselves, ‘if they can do it, shouldn’t we?’", FirstHand}}},
		{"“Why ask for the address twice?” he wondered.", []want{{"he", "wondered", "“Why ask for the address twice?”", Unnamed}}},
		{"He thinks the board should “show its plan to the voters” first.", nil},
		{"“It gets me mad” every time he thinks about it.", nil},
		{"“Prices will rise.” A liberal think tank.", nil},
		{"“It was my proudest moment,” Short shares.", []want{{"Short", "shares", "“It was my proudest moment,”", Named}}},
		{"He and Cruz shared “almost all the same views on it.”", nil},
		{"In the words of Ward Cunningham, “post the wrong answer.”", []want{{"Ward Cunningham", "In the words of", "“post the wrong answer.”", Named}}},
		{"Kate, who lives in Portland, notes, “I moved my hours.”", []want{{"Kate", "notes", "“I moved my hours.”", Named}}},
		{"Or as Chris Ferguson, director of the group, recently put it, “Get on with it.”", []want{{"Chris Ferguson", "put", "it, “Get on with it.”", Named}}},
		{"One key is adding new people.", nil},
		{"Many are tweeting the score.", nil},
		{"Most of them travel and may not have time to sit down and find the page.", nil},
		{"\"Quizzes were shared most,\" states Owen Fuller of the firm.", []want{{"Owen Fuller of the firm", "states", "\"Quizzes were shared most,\"", Named}}},
		{"Fuller states that the bottom line is to make something memorable.", []want{{"Fuller", "states", "the bottom line is to make something memorable.", Named}}},
		{"As one planner advised, \"Don't let the naysayers win.\"", []want{{"one planner", "advised", "\"Don't let the naysayers win.\"", Unnamed}}},
		{"The states passed the law.", nil},
		{"Voters in 12 states agreed.", nil},
		{"There are now 3,300 items in the database, up from 800.", nil},
		{"In the Gallup survey, 40 percent of adults agreed.", []want{{"the Gallup survey", "In", "40 percent of adults agreed.", Named}}},
		{"As pointed out by NASA, the data are worth $2 billion a year.", []want{{"NASA", "pointed", "As pointed out by NASA, the data are worth $2 billion a year.", Named}}},
		{"\"We will not back down,\" he continued.", []want{{"he", "continued", "\"We will not back down,\"", Unnamed}}},
		{"Ruiz continued, \"We will rebuild every house.\"", []want{{"Ruiz", "continued", "\"We will rebuild every house.\"", Named}}},
		{"\"Let me talk,\" Trump shot back.", []want{{"Trump", "shot", "\"Let me talk,\"", Named}}},
		{"The IMF met. It edged up its forecast by 0.1 points to 4.2 percent.", []want{{"its", "forecast", "It edged up its forecast by 0.1 points to 4.2 percent.", Named}}},
		{"That held the IMF's estimate of growth at 3.1 percent.", []want{{"the IMF's", "estimate", "That held the IMF's estimate of growth at 3.1 percent.", Named}}},
		{"It edged up its forecast to 4.2 percent.", nil},
		{"Trump's poll numbers improved to 45 percent.", nil},
		{"Kloth and her team received an average of 37 comments a month.", nil},
		{"Editor’s note: Trump has proposed banning 1.6 billion people.", nil},
		{"The FBI director, James B. Comey, said no charges were warranted.", []want{{"The FBI director", "said", "no charges were warranted.", Named}}},
		{"\"It is an expensive model,\" said Will Doyle, a professor.", []want{{"Will Doyle", "said", "\"It is an expensive model,\"", Named}}},
		{"The FBI opened a probe the law enforcement agency said was routine.", []want{{"the law enforcement agency", "said", "was routine.", Named}}},
		{"Critics of the plan said it would fail.", []want{{"Critics of the plan", "said", "it would fail.", Vague}}},
		{"All the experts said it would fail.", []want{{"All the experts", "said", "it would fail.", Vague}}},
		{"Cadets at West Point left early. A school spokesman told reporters they were safe.", []want{{"A school spokesman", "told", "reporters they were safe.", Named}}},
		{"A school spokesman told reporters they were safe.", []want{{"A school spokesman", "told", "reporters they were safe.", Vague}}},
		{"Obama will speak on Monday. Aides said the speech would run an hour.", []want{{"Aides", "said", "the speech would run an hour.", Named}}},
		{"Aides said Obama would speak for an hour.", []want{{"Aides", "said", "Obama would speak for an hour.", Named}}},
		{"The senator, Ana Ruiz, will release the report on Friday, an aide said.", []want{{"an aide", "said", "The senator, Ana Ruiz, will release the report on Friday", Named}}},
		{"Aides said the speech would run an hour.", []want{{"Aides", "said", "the speech would run an hour.", Vague}}},
		{"Officials said Obama would speak for an hour.", []want{{"Officials", "said", "Obama would speak for an hour.", Vague}}},
		{"Two military analysts, Jo Reyes and Sam Ito, found that the strikes had failed.", []want{{"Two military analysts", "found", "the strikes had failed.", Named}}},
		{"Critics, who met in Albany on Monday, said the plan would fail.", []want{{"Critics", "said", "the plan would fail.", Vague}}},
		{"The F.B.I. director, James B. Comey, said no charges were warranted.", []want{{"The F.B.I. director", "said", "no charges were warranted.", Named}}},
		{"U.S. intelligence officials said the hack came from abroad.", []want{{"U.S. intelligence officials", "said", "the hack came from abroad.", Named}}},
		{"The Obama administration announced the change. Officials said 10,000 refugees would come.", []want{{"The Obama administration", "announced", "the change.", Named}, {"Officials", "said", "10,000 refugees would come.", Named}}},
		{"He was held in a Texas county jail. Officials said he would be released.", []want{{"Officials", "said", "he would be released.", Vague}}},
		{"The White House spoke first. Officials said the talks would go on.", []want{{"The White House", "spoke", "first.", Named}, {"Officials", "said", "the talks would go on.", Named}}},
		{"Ward and other security experts acknowledge that the leaks could grow.", []want{{"other security experts", "acknowledge", "the leaks could grow.", Named}}},
		{"Other security experts acknowledge that the leaks could grow.", []want{{"Other security experts", "acknowledge", "the leaks could grow.", Vague}}},
		{"The firm will change its rules, according to a letter to Facebook from Senator John Thune.", []want{{"a letter", "according to", "The firm will change its rules, according to a letter to Facebook from Senator John Thune.", Named}}},
		{"G4S receives, according to one report, $234 million in contracts from DHS.", []want{{"one report", "according to", "G4S receives, according to one report, $234 million in contracts from DHS.", Vague}}},
		{"The firm will change its rules, according to a letter.", []want{{"a letter", "according to", "The firm will change its rules", Vague}}},
		{"His term will probably be remembered by historians as a time of repair.", nil},
		{"Researchers hope one day to harness that power.", nil},
		{"So far no terrorist organization has claimed responsibility.", nil},
		{"Nobody has claimed the prize.", nil},
		{"No wonder Trump said, \"We love the crowds.\"", []want{{"No wonder Trump", "said", "\"We love the crowds.\"", Named}}},
		{"In May, Sara notes, \"If you work here, you think like the office.\"", []want{{"Sara", "notes", "In May, Sara notes, \"If you work here, you think like the office.\"", Named}}},
		{"But Bloomberg estimates his fortune at about $42 billion.", []want{{"Bloomberg", "estimates", "his fortune at about $42 billion.", Named}}},
		{"Bloomberg estimates his fortune at about $42 billion.", nil},
		{"It rated 32% of Republican claims as false.", nil},
		{"Initial estimates put the total at 55,000 pages.", []want{{"Initial estimates", "put", "the total at 55,000 pages.", Unnamed}}},
		{"Researchers hope the drug works.", []want{{"Researchers", "hope", "the drug works.", Vague}}},
		{"Emissions fell 15 percent, according to a study by economists at Duke University.", []want{{"a study by economists at Duke University", "according to", "Emissions fell 15 percent", Named}}},
		{"Emissions fell 15 percent, according to a study last year by economists at Duke University.", []want{{"a study", "according to", "Emissions fell 15 percent", Named}}},
		{"The case went to the Department of Homeland Security. Federal officials said it was closed.", []want{{"Federal officials", "said", "it was closed.", Named}}},
		{"The Justice Department opened a case. A former official said it would take years.", []want{{"A former official", "said", "it would take years.", Vague}}},
		{"While the U.S. added around 292,000 jobs in December, stocks fell.", nil},
		{"Ruiz added that 300 jobs were lost.", []want{{"Ruiz", "added", "300 jobs were lost.", Named}}},
		{"The Real Clear Politics average of polls taken over the past two weeks shows Clinton at 47 percent.", []want{{"The Real Clear Politics average", "shows", "Clinton at 47 percent.", Named}}},
		{"A Field Poll of the Democratic race in May 2015 put his support at 5 percent.", []want{{"A Field Poll", "put", "his support at 5 percent.", Named}}},
		{"The number of people in the new poll taken over two long weeks shows a drop.", nil},
		{"A new Gallup survey of voters aged 18 to 29 in nine states shows 48% back her.", []want{{"A new Gallup survey", "shows", "48% back her.", Named}}},
		{"A new CBS News/Rock the Vote survey of voters 18 to 29 years old shows 48% back her.", []want{{"A new CBS News/Rock the Vote survey", "shows", "48% back her.", Named}}},
		{"The number of people in the new poll who are aged 18 to 29 shows a drop.", nil},
		{"In May, a Gallup poll found by 52%-40% that voters back the plan.", []want{{"a Gallup poll", "found", "In May, a Gallup poll found by 52%-40% that voters back the plan.", Named}}},
		{"Supporters of Senator Ruiz say by 55%-41% that the plan should pass.", []want{{"Supporters of Senator Ruiz", "say", "by 55%-41% that the plan should pass.", Unnamed}}},
		{"The flaw was found by 12 inspectors.", []want{{"12 inspectors", "found", "The flaw was found by 12 inspectors.", Unnamed}}},
		{"\"The plan will fail,\" wrote one commenter.", []want{{"one commenter", "wrote", "\"The plan will fail,\"", Unnamed}}},
		{"The Washington Post/ABC News poll was conducted Sept. 19 to 22 among 1,001 adults.", []want{{"The Washington Post/ABC News poll", "conducted", "The Washington Post/ABC News poll was conducted Sept. 19 to 22 among 1,001 adults.", Named}}},
		{"Quinnipiac conducted the poll of 1,042 voters.", []want{{"Quinnipiac", "conducted", "the poll of 1,042 voters.", Named}}},
		{"The Office of Customer Experience conducted an analysis of 184 websites.", []want{{"The Office of Customer Experience", "conducted", "an analysis of 184 websites.", Named}}},
		{"Wells Fargo chief John Stumpf made the case, explaining the firings amounted to 1 percent.", []want{{"Wells Fargo chief John Stumpf made the case", "explaining", "the firings amounted to 1 percent.", Named}}},
		{"The ad features a New York Times report from over the weekend that losses reached $1 billion.", []want{{"The ad features a New York Times", "report", "from over the weekend that losses reached $1 billion.", Named}}},
		{"A New York Times report from May that was widely shared is gone.", nil},
		{"The war continued for two more years.", nil},
		{"Ruiz continued to attack the plan.", nil},
		{"Police shot two men.", nil},
		{"The four states that voted no were fined.", nil},
		{"Aid reached the United States.", nil},
		{"After the vote, Ruiz toured the site and said the bridge was safe; later, Lee walked the span and said it was not.", []want{
			{"Ruiz", "said", "the bridge was safe", Named}, {"Lee", "said", "it was not.", Named}}},
		{"Ruiz did not say how many people came.", nil},
		{"The board is expected to announce a decision.", nil},
		{"If someone asks, point them to the form.", nil},
		{"Some people said the form was confusing.", []want{{"Some people", "said", "the form was confusing.", Vague}}},
		{"People said the form was confusing.", []want{{"People", "said", "the form was confusing.", Unnamed}}},
		{"An estimated 4,000 people attended.", nil},
		{"Jobs were added in March.", nil},
		{"Many thanks to the team.", nil},
		{"The most promising results came early.", nil},
		{"A quote by the network's first planner hangs in the canteen. \"A bus that does not come is worse than none.\"", []want{{"the network's first planner", "quote", " hangs in the canteen. \"A bus that does not come is worse than none.\"", Unnamed}}},
		{"As one grandmother put it, \"They never reopen anything.\"", []want{{"one grandmother", "put", "it, \"They never reopen anything.\"", Unnamed}}},
		{"Netanyahu rallied supporters by warning that \"the right is in danger.\"", []want{{"Netanyahu", "warning", "\"the right is in danger.\"", Named}}},
		// A participle that no past tense shares ("written", "spoken",
		// "shown") speaks only after "have" or with "by".
		{"The jar still bears the number written on its lid. \"It came from my grandmother's kitchen.\"", nil},
		{"The memo written last week lists the costs.", nil},
		{"Ruiz has written that the plan \"will not work.\"", []want{{"Ruiz", "written", "the plan \"will not work.\"", Named}}},
	} {
		p := Analyze(tc.text, SplitSentences(tc.text), FindQuotes(tc.text), false)
		got := p.Attributions()
		if len(got) != len(tc.want) {
			t.Errorf("%q: %d attributions, want %d: %+v", tc.text, len(got), len(tc.want), got)
			continue
		}
		for i, a := range got {
			g := want{tc.text[a.Source.Start:a.Source.End], tc.text[a.Cue.Start:a.Cue.End], tc.text[a.Content.Start:a.Content.End], a.Kind}
			if g != tc.want[i] {
				t.Errorf("%q: attribution %d = %+v, want %+v", tc.text, i, g, tc.want[i])
			}
		}
	}
}

// TestPronounsReferBack pins the resolution of "he said" and "the agency":
// to a name earlier in the paragraph, or (for a pronoun) in an earlier
// paragraph; a definite description looks only in its own paragraph.
func TestPronounsReferBack(t *testing.T) {
	for _, tc := range []struct {
		text         string
		namedEarlier bool
		want         SourceKind
	}{
		{"The program served 1,400 households, he said.", false, Unnamed},
		{"The program served 1,400 households, he said.", true, Named},
		{"Maria Ruiz runs the program. It served 1,400 households, she said.", false, Named},
		// A lone capitalised word opening a sentence may be any word ("Traffic
		// grew"): it names nobody unless a capital or a cue follows it.
		{"Ruiz runs the program. It served 1,400 households, she said.", false, Unnamed},
		{"The agency reported 300 deaths.", true, Unnamed},
		{"The CDC tracks outbreaks. The agency reported 300 deaths.", false, Named},
		{"Some say the deal is dead.", false, Vague},
		// "The poll" refers back to a poll (or a body's survey) named in its
		// paragraph, not to any name there.
		{"Clinton leads Trump by 46 percent to 42 percent, according to the poll.", false, Unnamed},
		{"Clinton leads Trump by 46 percent to 42 percent, according to the poll.", true, Unnamed},
		{"A Bloomberg poll came out on Monday. Clinton leads by 46 percent to 42 percent, according to the poll.", false, Named},
		{"A poll by Gallup came out on Monday. The poll found that 46 percent back her.", false, Named},
		{"The Census Bureau went to every home. The survey found that 12 percent were empty.", false, Named},
		{"Ruiz met the council. The report found 40 errors.", false, Unnamed},
		{"The CDC tracked the outbreak. The report found 40 errors.", false, Named},
		{"The U.S. economy grew. The report found 40 errors.", false, Unnamed},
	} {
		p := Analyze(tc.text, SplitSentences(tc.text), FindQuotes(tc.text), tc.namedEarlier)
		as := p.Attributions()
		if len(as) != 1 || as[0].Kind != tc.want {
			t.Errorf("%q (named earlier: %v): %+v, want one %v attribution", tc.text, tc.namedEarlier, as, tc.want)
		}
	}
}
