ENV A=1 B="two words" C=three\ words
ENV LEGACY the rest of the line
ENV ALONE
LABEL "com.example.vendor"="ACME" version=1.0 description="multi \
  line"
ARG VERSION
ARG A=1 B="x y" C=
ENV =blank
ENV A=1 B
