// Package chroma is Parley's stand-in for the syntax highlighter that glamour
// imports: it holds only the names glamour's code-block renderer uses, and
// code is printed as it is, without colour.
//
// The real chroma registers some 250 lexers and 70 styles in package init,
// and Go runs every linked package's init before main: about 24 ms of every
// parley command's start, for a feature the brief never uses (it writes no
// code blocks; a fenced block in a note prints plain).
package chroma

// TokenType names a kind of token that a style can colour.
type TokenType int

// The token types glamour's style table names.
const (
	Background TokenType = iota
	Text
	Error
	Comment
	CommentPreproc
	Keyword
	KeywordReserved
	KeywordNamespace
	KeywordType
	Operator
	Punctuation
	Name
	NameBuiltin
	NameTag
	NameAttribute
	NameClass
	NameConstant
	NameDecorator
	NameException
	NameFunction
	NameOther
	Literal
	LiteralNumber
	LiteralDate
	LiteralString
	LiteralStringEscape
	GenericDeleted
	GenericEmph
	GenericInserted
	GenericStrong
	GenericSubheading
)

// StyleEntries maps token types to style text ("#ff0000 bold").
type StyleEntries map[TokenType]string

// Style is a named colour scheme; only its name is kept.
type Style struct {
	Name string
}

// MustNewStyle returns a style of the given name; the entries are not used.
func MustNewStyle(name string, _ StyleEntries) *Style {
	return &Style{Name: name}
}
