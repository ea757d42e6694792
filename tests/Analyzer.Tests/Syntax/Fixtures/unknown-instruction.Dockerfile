FROM alpine
FOO bar baz
RUNN x
copy a b
