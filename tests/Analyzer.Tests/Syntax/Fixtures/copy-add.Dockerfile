COPY --from=build --chown=app:app --chmod=0755 --link /src /dst/
ADD --checksum=sha256:abc --keep-git-dir=true https://example.com/a.git /a
COPY --parents --exclude=*.md ["a b", "/dst/"]
COPY only-one
COPY --link=maybe a b
COPY --bogus a b
COPY --from a b
