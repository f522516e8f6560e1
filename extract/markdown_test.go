package extract

import "testing"

func TestMarkdown(t *testing.T) {
	body := `<html><body><article>
<h2>Results</h2>
<p>Turnout was <a href="https://stats.example/t?id=1">61 percent</a>, per the *board*.</p>
<p>2025. A year [of] growth &amp; more_ less.</p>
<blockquote><p>&ldquo;We won,&rdquo; she said.</p></blockquote>
<ul><li>First <a href="javascript:void(0)">item</a></li><li># second<ul><li>nested (<a href="https://w.example/a_(b)">wiki</a>)</li></ul></li></ul>
<p>- not a list</p>
<pre>code * kept</pre>
</article></body></html>`
	p, err := FromBody("https://news.example/a", "text/html", []byte(body), Limits{MaxElements: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := "## Results\n\n" +
		"Turnout was [61 percent](https://stats.example/t?id=1), per the \\*board\\*.\n\n" +
		"2025\\. A year \\[of\\] growth & more\\_ less.\n\n" +
		"> \u201cWe won,\u201d she said.\n\n" +
		"- First item\n\n" +
		"- \\# second\n\n" +
		"  - nested ([wiki](<https://w.example/a_(b)>))\n\n" +
		"\\- not a list\n\n" +
		"```\ncode * kept\n```\n"
	if got := p.Markdown(); got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
}
