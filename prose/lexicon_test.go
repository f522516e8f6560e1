package prose

import "testing"

// TestLexiconWordsStartWithALetter guards Tokenize, which looks up only
// words that start with an ASCII letter.
func TestLexiconWordsStartWithALetter(t *testing.T) {
	for _, c := range Classes() {
		for _, w := range c.Members {
			if b := w[0] | 0x20; b < 'a' || b > 'z' {
				t.Errorf("[%s] %q does not start with a letter", c.Name, w)
			}
		}
	}
}
