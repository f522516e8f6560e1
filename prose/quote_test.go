package prose

import (
	"strings"
	"testing"
)

// TestFindQuotes checks the pairing of quotation marks. Each wanted quote
// is written as its exact text, marks included; its offset is that text's
// first occurrence in the input.
func TestFindQuotes(t *testing.T) {
	type want struct {
		span   string
		depth  int
		closed bool
		single bool
	}
	for _, tc := range []struct {
		name string
		text string
		want []want
	}{
		{"curly double", `She said “we will win” on Monday.`, []want{{`“we will win”`, 0, true, false}}},
		{"straight double", `She said "we will win" on Monday.`, []want{{`"we will win"`, 0, true, false}}},
		{"two straight quotes", `"One more," she said, "and then home."`, []want{{`"One more,"`, 0, true, false}, {`"and then home."`, 0, true, false}}},
		{"nested single in double", `“He told me ‘never again’ and left,” she said.`, []want{{`“He told me ‘never again’ and left,”`, 0, true, false}, {`‘never again’`, 1, true, true}}},
		{"nested double in single", `‘He told me “never again” and left,’ she said.`, []want{{`‘He told me “never again” and left,’`, 0, true, true}, {`“never again”`, 1, true, false}}},
		{"british single", `‘We will not accept these terms,’ said Maria Lopez.`, []want{{`‘We will not accept these terms,’`, 0, true, true}}},
		{"british single with plural possessive", `‘The students’ union is closed,’ she said.`, []want{{`‘The students’ union is closed,’`, 0, true, true}}},
		{"plural possessive before full stop close", `‘Ask the students’ union. It is closed.’ Then she left.`, []want{{`‘Ask the students’`, 0, true, true}}},
		{"plural possessive, close at sentence end", `‘The students’ union is closed.’ Then she left.`, []want{{`‘The students’ union is closed.’`, 0, true, true}}},
		{"close before a new opening mark", `He called it ‘quiet’ and ‘calm’, she said.`, []want{{`‘quiet’`, 0, true, true}, {`‘calm’`, 0, true, true}}},
		{"plural possessive, no later mark", `‘Ask the teachers’ union about it.`, []want{{`‘Ask the teachers’`, 0, true, true}}},
		{"apostrophes", `In the ’80s the students’ bands don’t play rock ’n’ roll.`, nil},
		{"apostrophes inside a quote", `“In the ’80s we didn’t play rock ’n’ roll,” he said.`, []want{{`“In the ’80s we didn’t play rock ’n’ roll,”`, 0, true, false}}},
		{"apostrophes inside a single quote", `‘We loved rock ’n’ roll in the ’80s,’ he said.`, []want{{`‘We loved rock ’n’ roll in the ’80s,’`, 0, true, true}}},
		{"inch marks", `A 21" screen and a 5′ desk, 5'11" tall.`, nil},
		{"inch mark inside a quote", `He said "buy the 21" one" yesterday.`, []want{{`"buy the 21"`, 0, true, false}}},
		{"unclosed double at paragraph end", `“We are not asking for charity.`, []want{{`“We are not asking for charity.`, 0, false, false}}},
		{"unclosed straight at paragraph end", `"We are not asking for charity.`, []want{{`"We are not asking for charity.`, 0, false, false}}},
		{"lone opening single dropped", `‘We are not asking for charity.`, nil},
		{"straight quote at the end", `He wrote "yes"`, []want{{`"yes"`, 0, true, false}}},
		{"unclosed inner single is an apostrophe", `“It’s the ‘best plan we have,” he said.`, []want{{`“It’s the ‘best plan we have,”`, 0, true, false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FindQuotes(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("FindQuotes(%q) found %d quotes, want %d: %+v", tc.text, len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				q := got[i]
				start := strings.Index(tc.text, w.span)
				if q.Start != start || q.End != start+len(w.span) || q.Depth != w.depth || q.Closed != w.closed || q.Single != w.single {
					t.Errorf("quote %d = %q %+v, want %q at %d depth %d closed %v single %v", i, tc.text[q.Start:q.End], q, w.span, start, w.depth, w.closed, w.single)
				}
			}
		})
	}
}

// TestFindQuotesLinear checks that many possible apostrophes in one
// sentence do not make the scan quadratic.
func TestFindQuotesLinear(t *testing.T) {
	text := "‘" + strings.Repeat("the students’ union ", 20000) + "is closed,’ she said."
	got := FindQuotes(text)
	if len(got) != 1 || got[0].End != len(text)-len(" she said.") {
		t.Fatalf("got %+v", got)
	}
}
