package english

import "testing"

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 findings", 1: "1 finding", 2: "2 findings", 10000: "10000 findings"} {
		if got := Count(n, "finding"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
