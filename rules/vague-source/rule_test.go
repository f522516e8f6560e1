package vaguesource

import "testing"

func TestVagueSourceOptionsValidate(t *testing.T) {
	if err := (&Options{ExtraPhrases: []string{" "}}).Validate(); err == nil {
		t.Error("an empty extra phrase was accepted")
	}
}
