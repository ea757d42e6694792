FROM alpine
RUN ["unterminated", 
CMD [ "a", "b"
ENTRYPOINT ["\u0041", "tab\there"]
