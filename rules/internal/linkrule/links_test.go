package linkrule

import (
	"slices"
	"testing"

	"github.com/citelint/citelint/lint"
)

func TestLinkTargets(t *testing.T) {
	src := "# T\n\n" +
		"[a](https://example.com/a#x) and <https://example.com/b> and https://example.com/c.\n" +
		"[again](https://example.com/a#x), [ref][r], [ref again][r], [escaped](https://example.com/d\\_e&amp;f).\n" +
		"[mail](mailto:a@example.com), <b@example.com>, [tel](tel:+1555), [rel](other.md), [frag](#t), [ftp](ftp://example.com/).\n" +
		"[upper](HTTPS://example.com/upper)\n\n" +
		"[r]: https://example.com/ref\n" +
		"[unused]: https://example.com/unused\n"
	doc, err := lint.Parse("doc.md", []byte(src), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	got := Targets(doc)
	want := []string{
		"https://example.com/a#x", "https://example.com/b", "https://example.com/c",
		"https://example.com/ref", "https://example.com/d_e&f", "HTTPS://example.com/upper",
	}
	if !slices.Equal(got, want) {
		t.Errorf("LinkTargets:\n got %q\nwant %q", got, want)
	}
}

func TestClassifyLink(t *testing.T) {
	for _, tt := range []struct {
		target string
		kind   LinkKind
		file   string
		frag   string
	}{
		{"https://example.com/x", WebLink, "", ""},
		{"Http://example.com/x", WebLink, "", ""},
		{"mailto:a@b.c", OtherLink, "", ""},
		{"//cdn.example.com/x", OtherLink, "", ""},
		{"/docs/x.md", OtherLink, "", ""},
		{"", OtherLink, "", ""},
		{"#Caf%C3%A9", FragmentLink, "", "Café"},
		{"guide.md", LocalLink, "drafts/guide.md", ""},
		{"../notes/my%20notes.md?plain=1#L3", LocalLink, "notes/my notes.md", "L3"},
		{"./img/", LocalLink, "drafts/img", ""},
	} {
		kind, file, frag := classifyLink("drafts/post.md", tt.target)
		if kind != tt.kind || file != tt.file || frag != tt.frag {
			t.Errorf("classifyLink(%q) = %v %q %q, want %v %q %q", tt.target, kind, file, frag, tt.kind, tt.file, tt.frag)
		}
	}
}

func TestHeadingSlugs(t *testing.T) {
	src := "# Introduction\n\n## Introduction\n\n## Introduction-1\n\n## Introduction\n\n" +
		"## The `--offline` flag: why?\n\n## Café & crème — 2024!\n\n## [Linked](https://example.com) *text*\n\n" +
		"Setext heading\n--------------\n\n## snake_case  two spaces\n\n<a name=\"Legacy-Anchor\"></a>\n\n<p id='para'>x</p>\n"
	doc, err := lint.Parse("x.md", []byte(src), lint.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	got := DocumentAnchors(doc)
	// github-slugger numbers repeats past slugs already taken: the second
	// "Introduction" takes introduction-1, so the literal heading
	// "Introduction-1" becomes introduction-1-1.
	for _, want := range []string{
		"introduction", "introduction-1", "introduction-1-1", "introduction-2",
		"the---offline-flag-why", "café--crème--2024", "linked-text", "setext-heading",
		"snake_case--two-spaces", "legacy-anchor", "para",
	} {
		if !got[want] {
			t.Errorf("anchor %q missing; have %v", want, got)
		}
	}
	if len(got) != 11 {
		t.Errorf("got %d anchors, want 11: %v", len(got), got)
	}
}

func TestClosestAnchor(t *testing.T) {
	anchors := map[string]bool{"method": true, "library-hours-tk": true, "results": true, "faq": true}
	for fragment, want := range map[string]string{
		"methods":       "method",
		"Method":        "method",
		"library-hours": "library-hours-tk",
		"resluts":       "results",
		"setup":         "",
		"fa":            "faq",
		"xyz":           "",
	} {
		if got := ClosestAnchor(anchors, fragment); got != want {
			t.Errorf("closestAnchor(%q) = %q, want %q", fragment, got, want)
		}
	}
}

func TestSchemePrefix(t *testing.T) {
	for target, want := range map[string]string{
		"https://example.com": "https:", "HTTP://x": "HTTP:", "mailto:a@b": "mailto:", "git+ssh://x": "git+ssh:",
		"docs/a.md": "", "a.md#x": "", ":x": "", "1http://x": "", "c:/x": "c:", "": "",
	} {
		if got := schemePrefix(target); got != want {
			t.Errorf("schemePrefix(%q) = %q, want %q", target, got, want)
		}
	}
}
