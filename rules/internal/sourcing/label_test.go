package sourcing

import "testing"

func TestInitialsOf(t *testing.T) {
	for _, tc := range []struct {
		src, initials string
		want          bool
	}{
		{"We spoke with Mollie Bates last week.", "MB", true},
		{"Mollie Bates", "MB", true},
		{"We spoke with Mollie bates.", "MB", false},
		{"We spoke with MB about it.", "MB", false},   // the initials alone name no one
		{"We spoke with Mollie  Bates.", "MB", false}, // two spaces: not one name
		{"Ana Maria Ruiz", "AMR", true},
		{"Ana Maria", "AMR", false},
		{"XMollie Bates", "MB", false},
	} {
		if got := initialsOf([]byte(tc.src), tc.initials); got != tc.want {
			t.Errorf("initialsOf(%q, %q) = %v, want %v", tc.src, tc.initials, got, tc.want)
		}
	}
}
