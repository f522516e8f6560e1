package prose

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"Mr. Smith met Dr. Jones. They talked.", []string{"Mr. Smith met Dr. Jones.", "They talked."}},
		{"The poll puts Sens. Ana Ruiz and Jo Ito at 11 percent. Reps. Lee and Cho trail.", []string{"The poll puts Sens. Ana Ruiz and Jo Ito at 11 percent.", "Reps. Lee and Cho trail."}},
		{"The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"Sales grew outside the U.S. We want more. At 3 p.m. The end.", []string{"Sales grew outside the U.S.", "We want more.", "At 3 p.m. The end."}},
		{"Use a tool, e.g. A hammer. Done.", []string{"Use a tool, e.g. A hammer.", "Done."}},
		{"Bill No. 5 passed on Jan. 6 this year. Then it failed.", []string{"Bill No. 5 passed on Jan. 6 this year.", "Then it failed."}},
		{"It rose 1.5 percent. Prices fell.", []string{"It rose 1.5 percent.", "Prices fell."}},
		{"He paused... Then he spoke. Well… Fine.", []string{"He paused... Then he spoke.", "Well… Fine."}},
		{"J. K. Rowling wrote it. John F. Kennedy read it.", []string{"J. K. Rowling wrote it.", "John F. Kennedy read it."}},
		{`"Why?" she asked. "Because."`, []string{`"Why?" she asked.`, `"Because."`}},
		{"He said “We lost.” Then he left.", []string{"He said “We lost.”", "Then he left."}},
		{"Lower case. after a period stays", []string{"Lower case. after a period stays"}},
		{"See p. 12 for more. Next.", []string{"See p. 12 for more.", "Next."}},
		{"It ended. 2020 was hard.", []string{"It ended.", "2020 was hard."}},
		{"Energy asked for bulbs. $20,000,000 was awarded. €5m followed.", []string{"Energy asked for bulbs.", "$20,000,000 was awarded.", "€5m followed."}},
		{"It cost approx. $5, or U.S. $3 billion in all.", []string{"It cost approx. $5, or U.S. $3 billion in all."}},
		{"  padded.   Next one.  ", []string{"padded.", "Next one."}},
		{"Deaths rose.\uFFFC Next one.", []string{"Deaths rose.\uFFFC", "Next one."}},
		{"Deaths rose.[12] Next one.[3, 4]", []string{"Deaths rose.[12]", "Next one.[3, 4]"}},
		{"Trust dropped to 23% in 2024. [1] Trust matters. [2, 3]", []string{"Trust dropped to 23% in 2024. [1]", "Trust matters. [2, 3]"}},
		{"It fell. [1] and rose", []string{"It fell. [1] and rose"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range SplitSentences(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
