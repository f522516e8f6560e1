package prose

import (
	"fmt"
	"testing"
)

func show(text string) {
	p := Analyze(text, SplitSentences(text), FindQuotes(text), false)
	fmt.Printf("%s\n", text)
	for _, a := range p.Attributions {
		fmt.Printf("   src=%q cue=%q content=%q kind=%v belief=%v\n", text[a.Source.Start:a.Source.End], text[a.Cue.Start:a.Cue.End], text[a.Content.Start:a.Content.End], a.Kind, a.Belief)
	}
}

func TestDebugOne(t *testing.T) {
	for _, s := range []string{
		`"This is the hardest vote I have cast in eleven years on this board," said the board's chair, Patricia Nolan, before the vote. "But we cannot keep running half-empty buildings while classrooms elsewhere go without."`,
		`Critics of that paper note that the ice has recovered after low years before. “One or two years do not make a trend, however dramatic they look.”`,
		`It did not say how many users were affected. "We take privacy extremely seriously," the post said.`,
		`That clause has alarmed some corporate customers. "We have told all staff to uninstall it until we get answers," a spokesperson for the accounting firm Barr & Keel said.`,
		`The strike was widely described as “the summer the harbour went quiet for good.”`,
		`His contract, signed in June, reportedly runs until 2027, and he is owed "a significant sum in compensation under the terms of the agreement."`,
		`The cranes, which cost about £9 million each, are supposed to “pay for themselves within six years of operation.”`,
	} {
		show(s)
	}
}
