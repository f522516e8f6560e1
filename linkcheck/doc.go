// Package linkcheck tells, for each URL, what a reader who follows it will
// get: a working page, a dead link, a paywall, a permanent redirect, or a
// server that would not let an automated client judge.
//
// It knows nothing of Markdown: the input is a list of URLs and the output is
// a [Result] per URL. A [Checker] fetches each distinct URL (fragment removed)
// at most once per [Checker.Check] call, with GET because the page itself is
// needed to judge paywalls and fragments, through
// github.com/hashicorp/go-retryablehttp with a retry policy limited to
// transient failures. Requests are limited globally and per host, paced per
// host, and by default reach only globally reachable unicast addresses (per
// the IANA special-purpose registries): the guard checks the address actually
// dialled, not the host name. Everything a server sends is bounded (header
// bytes, address length, page bytes, redirects, time per attempt and per run;
// see [Config]). Successful results can be kept between runs in an on-disk
// cache, shared safely by concurrent runs.
//
// The package never tries to get around a paywall: it reads what an
// anonymous first-time reader would be sent and reports the evidence.
package linkcheck
