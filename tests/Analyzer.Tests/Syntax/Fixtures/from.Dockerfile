FROM --platform=$BUILDPLATFORM golang:1.22 AS build
FROM build
FROM scratch
from alpine as Final
FROM a b
FROM
