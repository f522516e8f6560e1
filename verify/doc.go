// Package verify decides whether a source says what a draft says it does.
package verify
