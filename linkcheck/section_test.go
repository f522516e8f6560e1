package linkcheck

import (
	"strings"
	"testing"

	"github.com/citelint/citelint/extract"
	"github.com/goccy/go-yaml"
)

// The defaults "citelint init" writes are the checker's: uncommented and
// read back, they configure the same checker as an empty links section.
func TestCommentedDefaultsAreTheDefaults(t *testing.T) {
	var lines []string
	for _, l := range strings.Split(CommentedDefaults(), "\n") {
		if strings.HasPrefix(l, "#   ") {
			lines = append(lines, "  "+strings.TrimPrefix(l, "#   "))
		}
	}
	var doc struct {
		Links Section `yaml:"links"`
	}
	if err := yaml.Unmarshal([]byte("links:\n"+strings.Join(lines, "\n")+"\n"), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Links
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	written, err := s.CheckerConfig().withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	var empty Section
	defaults, err := empty.CheckerConfig().withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	type limits struct {
		timeouts                               [4]int64
		header, page                           int64
		url, redirects, conc, perHost, retries int
		agent, cache                           string
	}
	of := func(c Config) limits {
		return limits{
			timeouts: [4]int64{int64(c.Timeout), int64(c.ConnectTimeout), int64(c.Deadline), int64(c.MaxRetryWait)},
			header:   c.MaxHeaderBytes, page: c.MaxPageBytes, url: c.MaxURLBytes, redirects: c.MaxRedirects,
			conc: c.MaxConcurrency, perHost: c.PerHost, retries: c.Retries, agent: c.UserAgent, cache: c.CacheDir,
		}
	}
	if of(written) != of(defaults) || written.MaxAge != defaults.MaxAge || written.AllowPrivate || written.SuggestArchive {
		t.Errorf("written defaults configure %+v, the code's are %+v", of(written), of(defaults))
	}
	if written.TextLimits != (extract.Limits{MaxBytes: DefaultMaxTextPageBytes, MaxTextBytes: extract.DefaultMaxTextBytes,
		MaxPDFPages: extract.DefaultMaxPDFPages, MaxElements: extract.DefaultMaxElements, Timeout: extract.DefaultTimeout}) {
		t.Errorf("written text limits %+v", written.TextLimits)
	}
	if s.MaxLocalFileBytes != DefaultMaxLocalFileBytes || s.Cache != "" {
		t.Errorf("max-local-file-bytes %d, cache %q", s.MaxLocalFileBytes, s.Cache)
	}
}
