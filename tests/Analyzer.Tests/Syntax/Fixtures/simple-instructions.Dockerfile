EXPOSE 80 443/tcp 53/udp
WORKDIR /app
USER app:staff
USER 1000
VOLUME ["/data", "/logs"]
VOLUME /a /b
STOPSIGNAL SIGTERM
MAINTAINER Jane Doe <jane@example.com>
HEALTHCHECK NONE
HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK WRONG x
HEALTHCHECK CMD
HEALTHCHECK NONE extra
