RUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none --security=insecure pip install -r requirements.txt
RUN ["sh", "-c", "echo hi"]
RUN [ "a" ,"b" ]
RUN ["a" "b"]
RUN [a]
RUN ["a",]
RUN [1]
RUN
CMD echo "hello world"
ENTRYPOINT ["/entrypoint.sh"]
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
SHELL /bin/sh
