package sourcing

import (
	"maps"
	"math/rand/v2"
	"testing"
)

// collectProperByByte is collectProper read byte by byte, as it was
// before it skipped text eight bytes at a time.
func collectProperByByte(text string, set map[string]bool) {
	for i := 1; i+1 < len(text); i++ {
		if text[i] != ' ' || text[i+1] < 'A' || text[i+1] > 'Z' {
			continue
		}
		prev := text[i-1]
		if !(prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' || prev == ',') {
			continue
		}
		j := i + 2
		for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
			j++
		}
		alone := j+1 >= len(text) || text[j] != ' ' || text[j+1] < 'A' || text[j+1] > 'Z'
		if alone && j-(i+1) >= 2 && j-(i+1) <= 32 {
			set[text[i+1:j]] = true
		}
		i = j - 1
	}
}

// TestCollectProperSkipsExactly compares collectProper with its byte by
// byte reading on random texts of letters, capitals, spaces, commas,
// digits and bytes of other runes, and on fixed ones.
func TestCollectProperSkipsExactly(t *testing.T) {
	const alphabet = "aaaaeeiinrsttAABZ , 1\xc3\x89@`[{"
	rng := rand.New(rand.NewPCG(7, 11))
	texts := []string{"", "a", "a B", "said Clinton", "the Treasury Department said", "met with Jones, Smith and Lee Kim", "x Ab", "abcdefgh Clinton", "abcdefghi Clinton"}
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		got, want := map[string]bool{}, map[string]bool{}
		collectProper(text, got)
		collectProperByByte(text, want)
		if !maps.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", text, got, want)
		}
	}
	got := map[string]bool{}
	collectProper("the meeting, said Clinton on Monday, was with the Treasury Department", got)
	if want := map[string]bool{"Clinton": true, "Monday": true, "Department": true}; !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
