FROM alpine
RUN apk add \
# a comment inside the continuation
    curl \

    git \
  
    jq
RUN echo \\
RUN echo done \\\
RUN ab
\
RUN after lone continuation
RUN x \