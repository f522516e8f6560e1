package lint

import (
	"strings"
	"testing"
)

// TestClosingParen checks closingParen against the last "](" it stands
// for, on links of every shape.
func TestClosingParen(t *testing.T) {
	for _, s := range []string{"[a](b)", "[a](b(c))", "[a]](b)", "[a(b)](c)", "[](x)", "[a] (b)", "[a]", "((](", "](", "(", "", "[x](y](z)"} {
		w := &walker{src: []byte(s)}
		want := len(s)
		if i := strings.LastIndex(s, "]("); i >= 0 {
			want = i + 1
		}
		if got := w.closingParen(0, len(s)); got != want {
			t.Errorf("closingParen(%q) = %d, want %d", s, got, want)
		}
	}
}
