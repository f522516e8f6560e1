// Package extract reads the text of a cited page: the readable main text
// of an HTML page (with its links and its block structure), the page's
// full visible text (tables and figure captions, which readability drops
// and where statistics live), the text layer of a PDF, or plain text and
// Markdown as they are.
//
// It never fetches anything: the link checker hands it the body it read
// (see linkcheck.Config.KeepText). What cannot be read is no error: the
// returned [Page] is not Readable and its Reason says why in a few words
// ("script-only page", "scanned PDF: no text layer", "unsupported type
// application/zip", "too large"). Everything a hostile body could make
// expensive is bounded by [Limits]: bytes read, text kept, PDF pages,
// HTML elements handed to readability, and the time a PDF may take.
package extract
