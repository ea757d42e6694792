# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended;error=true
# escape=\
# escape=`
FROM alpine
