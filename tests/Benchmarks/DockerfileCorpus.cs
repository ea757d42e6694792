using System.Globalization;
using System.Text;

namespace Dflint.Benchmarks;

/// <summary>One generated Dockerfile and the path it would have in a repository.</summary>
public sealed record CorpusFile(string RelativePath, string Text);

/// <summary>
/// Generates Dockerfiles shaped like the ones people write, from a seed, so every run and every machine
/// measures the same bytes. The text is pure ASCII: a UTF-16 char count equals the file's size in bytes.
/// </summary>
public sealed class DockerfileCorpus
{
    public const int DefaultSeed = 20240917;

    private static readonly string[] s_debianPackages =
    [
        "ca-certificates", "curl", "wget", "gnupg", "dirmngr", "git", "openssh-client", "procps", "netbase", "tzdata",
        "libssl-dev", "libffi-dev", "zlib1g-dev", "libbz2-dev", "libreadline-dev", "libsqlite3-dev", "libncursesw5-dev",
        "xz-utils", "tk-dev", "libxml2-dev", "libxmlsec1-dev", "liblzma-dev", "build-essential", "pkg-config", "make",
        "gcc", "g++", "libc6-dev", "unzip", "jq", "locales", "libpq-dev", "libjpeg62-turbo-dev", "libpng-dev",
        "libfreetype6-dev", "libicu-dev", "libonig-dev", "libzip-dev", "libyaml-dev", "libgdbm-dev", "uuid-dev",
        "bzip2", "dpkg-dev", "libexpat1-dev", "libgmp-dev", "file", "patch", "autoconf", "automake", "libtool",
    ];

    private static readonly string[] s_alpinePackages =
    [
        "ca-certificates", "curl", "bash", "git", "openssl", "tzdata", "su-exec", "tini", "libc6-compat", "gcc",
        "musl-dev", "linux-headers", "make", "libffi-dev", "openssl-dev", "zlib-dev", "postgresql-dev", "jpeg-dev",
    ];

    private static readonly string[] s_serviceNames =
    [
        "api", "web", "worker", "gateway", "auth", "billing", "search", "notifications", "scheduler", "ingest",
        "frontend", "admin", "reports", "payments", "inventory", "mailer", "proxy", "metrics", "exporter", "cron",
    ];

    private static readonly string[] s_kinds = ["official-debian", "official-alpine", "go", "node", "python", "java", "dotnet", "heredoc", "windows", "simple"];

    private readonly Random _random;
    private readonly StringBuilder _text = new();
    private int _lines;

    public DockerfileCorpus(int seed = DefaultSeed)
    {
        _random = new Random(seed);
    }

    /// <summary>
    /// <paramref name="count"/> files with repository paths, 10 to 300 lines each, skewed toward short files
    /// as real repositories are; about one in eight uses CRLF line breaks.
    /// </summary>
    public static IReadOnlyList<CorpusFile> Generate(int count, int seed = DefaultSeed)
    {
        var corpus = new DockerfileCorpus(seed);
        var files = new List<CorpusFile>(count);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var kind = s_kinds[corpus._random.Next(s_kinds.Length)];
            var lines = corpus.PickLineCount();
            var text = corpus.Build(kind, lines);
            if (kind != "windows" && corpus._random.Next(8) == 0) text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
            var path = corpus.PickPath(kind, i);
            while (!paths.Add(path)) path = $"{Path.GetDirectoryName(path)?.Replace('\\', '/')}/v{i}/Dockerfile".TrimStart('/');
            files.Add(new CorpusFile(path, text));
        }
        return files;
    }

    /// <summary>One large multi-stage LF file of about <paramref name="lines"/> lines, with heredocs in it.</summary>
    public static string Large(int lines = 2000, int seed = DefaultSeed)
    {
        var corpus = new DockerfileCorpus(seed);
        corpus.Reset();
        corpus.Line("# syntax=docker/dockerfile:1.7");
        corpus.Line("# A monorepo image with every service built in its own stage.");
        // The heredoc stage sits in the middle so the incremental heredoc edit lands near the file's centre.
        string[] stageKinds = ["official-debian", "go", "node", "heredoc", "python", "java", "dotnet"];
        var stage = 0;
        while (corpus._lines < lines - 20)
        {
            corpus.Line();
            var kind = stageKinds[stage % stageKinds.Length];
            corpus.Stage(kind, corpus._lines + Math.Min(260, lines - 20 - corpus._lines), $"stage{stage}");
            stage++;
        }
        corpus.Line();
        corpus.Line("FROM debian:bookworm-slim AS final");
        for (var i = 0; i < stage; i++) corpus.Line($"COPY --from=stage{i} /out/ /opt/stage{i}/");
        while (corpus._lines < lines - 2) corpus.Line($"LABEL org.example.part{corpus._lines}=\"{corpus.Hex(12)}\"");
        corpus.Line("ENTRYPOINT [\"/opt/stage0/bin/entrypoint\"]");
        corpus.Line("CMD [\"serve\"]");
        return corpus._text.ToString();
    }

    private int PickLineCount()
    {
        // Most Dockerfiles are short; official images and monorepo builds make the long tail.
        var u = _random.NextDouble();
        return u switch
        {
            < 0.45 => _random.Next(10, 40),
            < 0.80 => _random.Next(40, 100),
            < 0.95 => _random.Next(100, 200),
            _ => _random.Next(200, 301),
        };
    }

    private string PickPath(string kind, int index)
    {
        var service = Pick(s_serviceNames);
        return _random.Next(9) switch
        {
            0 => index == 0 ? "Dockerfile" : $"{service}/Dockerfile",
            1 => $"services/{service}/Dockerfile",
            2 => $"docker/{Pick(["prod", "dev", "ci", "test", "staging"])}.Dockerfile",
            3 => $"{service}/Dockerfile.{Pick(["dev", "prod", "test", "debug"])}",
            4 => $"apps/{service}/docker/Dockerfile",
            5 => kind == "windows" ? $"windows/{service}/Dockerfile" : $"images/{service}/{_random.Next(1, 20)}.{_random.Next(0, 10)}/{Pick(["bookworm", "bullseye", "alpine3.20", "slim"])}/Dockerfile",
            6 => $"deploy/{service}.Dockerfile",
            7 => $"tools/{service}/build/Dockerfile",
            _ => $"services/{service}/{Pick(["Dockerfile", "Dockerfile.dev", "Dockerfile.prod"])}",
        };
    }

    private string Build(string kind, int targetLines)
    {
        Reset();
        if (kind == "windows")
        {
            Windows(targetLines);
            return _text.ToString();
        }
        if (_random.Next(3) > 0) Line(Pick(["# syntax=docker/dockerfile:1", "# syntax=docker/dockerfile:1.7", "# syntax=docker/dockerfile:1-labs"]));
        if (_random.Next(2) == 0) Line($"# {Pick(["Build image for the", "Container for the", "Production image of the"])} {Pick(s_serviceNames)} service.");
        if (kind is "official-debian" or "official-alpine" or "simple" or "heredoc")
        {
            Stage(kind, targetLines, name: null);
            return _text.ToString();
        }
        // Multi-stage: a builder stage that fills most of the budget, then a small runtime stage.
        Stage(kind, Math.Max(_lines + 6, targetLines - 12), "build");
        Line();
        Runtime(kind, targetLines);
        return _text.ToString();
    }

    private void Reset()
    {
        _text.Clear();
        _lines = 0;
    }

    private void Stage(string kind, int until, string? name)
    {
        switch (kind)
        {
            case "official-debian":
                OfficialDebian(until, name);
                break;
            case "official-alpine":
                OfficialAlpine(until, name);
                break;
            case "go":
                Go(until, name);
                break;
            case "node":
                Node(until, name);
                break;
            case "python":
                Python(until, name);
                break;
            case "java":
                Java(until, name);
                break;
            case "dotnet":
                Dotnet(until, name);
                break;
            case "heredoc":
                Heredoc(until, name);
                break;
            default:
                Simple(until, name);
                break;
        }
    }

    private void OfficialDebian(int until, string? name)
    {
        var product = Pick(["redis", "postgres", "nginx", "httpd", "memcached", "rabbitmq", "mariadb", "ruby", "php"]);
        From($"debian:{Pick(["bookworm-slim", "bullseye-slim", "bookworm"])}", name);
        Line();
        Line($"# explicitly set user/group IDs");
        Line($"RUN set -eux; \\");
        Line($"\tgroupadd -r {product} --gid={_random.Next(100, 1000)}; \\");
        Line($"\tuseradd -r -g {product} --uid={_random.Next(100, 1000)} --home-dir=/var/lib/{product} --shell=/bin/bash {product}; \\");
        Line($"\tmkdir -p /var/lib/{product}; \\");
        Line($"\tchown -R {product}:{product} /var/lib/{product}");
        Line();
        AptInstall(Math.Min(30, 4 + ((until - _lines) / 6)));
        Line();
        Line($"ENV GOSU_VERSION {_random.Next(1, 2)}.{_random.Next(10, 18)}");
        Line("RUN set -eux; \\");
        Line("\tsavedAptMark=\"$(apt-mark showmanual)\"; \\");
        Line("\tapt-get update; \\");
        Line("\tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \\");
        Line("\trm -rf /var/lib/apt/lists/*; \\");
        Line("\tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \\");
        Line("\twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \\");
        Line("\twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \\");
        Line("\texport GNUPGHOME=\"$(mktemp -d)\"; \\");
        Line($"\tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys {Hex(40).ToUpperInvariant()}; \\");
        Line("\tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \\");
        Line("\tgpgconf --kill all; \\");
        Line("\trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \\");
        Line("\tapt-mark auto '.*' > /dev/null; \\");
        Line("\t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \\");
        Line("\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\");
        Line("\tchmod +x /usr/local/bin/gosu; \\");
        Line("\tgosu --version; \\");
        Line("\tgosu nobody true");
        var upper = product.ToUpperInvariant();
        while (_lines < until - 12)
        {
            Line();
            var version = Version();
            Line($"ENV {upper}_VERSION {version}");
            Line($"ENV {upper}_DOWNLOAD_URL https://download.example.org/{product}/{product}-{version}.tar.gz");
            Line($"ENV {upper}_DOWNLOAD_SHA {Hex(64)}");
            Line();
            Line("RUN set -eux; \\");
            Line("\t\\");
            Line("\tsavedAptMark=\"$(apt-mark showmanual)\"; \\");
            Line("\tapt-get update; \\");
            Line("\tapt-get install -y --no-install-recommends \\");
            foreach (var package in Sample(s_debianPackages, _random.Next(4, 12))) Line($"\t\t{package} \\");
            Line("\t; \\");
            Line("\trm -rf /var/lib/apt/lists/*; \\");
            Line("\t\\");
            Line($"\twget -O {product}.tar.gz \"${upper}_DOWNLOAD_URL\"; \\");
            Line($"\techo \"${upper}_DOWNLOAD_SHA *{product}.tar.gz\" | sha256sum -c -; \\");
            Line($"\tmkdir -p /usr/src/{product}; \\");
            Line($"\ttar -xzf {product}.tar.gz -C /usr/src/{product} --strip-components=1; \\");
            Line($"\trm {product}.tar.gz; \\");
            Line("\t\\");
            Line("\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \\");
            Line($"\tmake -C /usr/src/{product} -j \"$(nproc)\" all; \\");
            Line($"\tmake -C /usr/src/{product} install; \\");
            Line("\t\\");
            Line($"\trm -r /usr/src/{product}; \\");
            Line("\tapt-mark auto '.*' > /dev/null; \\");
            Line("\t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \\");
            Line("\tfind /usr/local -type f -executable -exec ldd '{}' ';' \\");
            Line("\t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \\");
            Line("\t\t| sort -u \\");
            Line("\t\t| xargs -r dpkg-query --search \\");
            Line("\t\t| cut -d: -f1 \\");
            Line("\t\t| sort -u \\");
            Line("\t\t| xargs -r apt-mark manual \\");
            Line("\t; \\");
            Line("\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\");
            Line($"\t{product} --version");
        }
        Tail(product, until);
    }

    private void OfficialAlpine(int until, string? name)
    {
        var product = Pick(["redis", "nginx", "haproxy", "memcached", "traefik", "caddy"]);
        From($"alpine:3.{_random.Next(17, 21)}", name);
        Line();
        Line($"RUN addgroup -S -g {_random.Next(100, 1000)} {product} && adduser -S -G {product} -u {_random.Next(100, 1000)} {product}");
        Line("RUN apk add --no-cache \\");
        foreach (var package in Sample(s_alpinePackages, _random.Next(3, 8))) Line($"\t\t{package} \\");
        Line("\t;");
        var upper = product.ToUpperInvariant();
        while (_lines < until - 10)
        {
            Line();
            Line($"ARG {upper}_VERSION={Version()}");
            Line($"ENV {upper}_SHA256={Hex(64)}");
            Line("RUN set -eux; \\");
            Line("\tapk add --no-cache --virtual .build-deps \\");
            foreach (var package in Sample(s_alpinePackages, _random.Next(3, 9))) Line($"\t\t{package} \\");
            Line("\t; \\");
            Line($"\twget -O /tmp/{product}.tar.gz \"https://download.example.org/{product}-${{{upper}_VERSION}}.tar.gz\"; \\");
            Line($"\techo \"${{{upper}_SHA256}} */tmp/{product}.tar.gz\" | sha256sum -c; \\");
            Line($"\ttar -xzf /tmp/{product}.tar.gz -C /usr/src; \\");
            Line($"\tcd /usr/src/{product}-${{{upper}_VERSION}} && ./configure --prefix=/usr/local && make -j\"$(nproc)\" && make install; \\");
            Line("\trunDeps=\"$( \\");
            Line("\t\tscanelf --needed --nobanner --format '%n#p' --recursive /usr/local \\");
            Line("\t\t\t| tr ',' '\\n' \\");
            Line("\t\t\t| sort -u \\");
            Line("\t\t\t| awk 'system(\"[ -e /usr/local/lib/\" $1 \" ]\") == 0 { next } { print \"so:\" $1 }' \\");
            Line("\t)\"; \\");
            Line("\tapk add --no-network --virtual .run-deps $runDeps; \\");
            Line("\tapk del --no-network .build-deps; \\");
            Line($"\trm -rf /usr/src/{product}* /tmp/*");
        }
        Tail(product, until);
    }

    private void Tail(string product, int until)
    {
        Line();
        Line($"RUN mkdir /data && chown {product}:{product} /data");
        Line("VOLUME /data");
        Line("WORKDIR /data");
        Line();
        Line("COPY docker-entrypoint.sh /usr/local/bin/");
        Line($"ENTRYPOINT [\"docker-entrypoint.sh\"]");
        Line();
        Line($"EXPOSE {_random.Next(1000, 9999)}");
        if (_random.Next(2) == 0)
        {
            Line($"HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\");
            Line($"  CMD {product} --health-check || exit 1");
        }
        Line($"CMD [\"{product}-server\"]");
        while (_lines < until) Line($"LABEL org.opencontainers.image.revision=\"{Hex(40)}\"");
    }

    private void Go(int until, string? name)
    {
        From($"golang:1.{_random.Next(20, 24)}-{Pick(["bookworm", "alpine"])}", name);
        Line("ARG TARGETOS TARGETARCH");
        Line("WORKDIR /src");
        Line("COPY go.mod go.sum ./");
        Line("RUN --mount=type=cache,target=/go/pkg/mod \\");
        Line("    go mod download");
        Line("COPY . .");
        var binary = 0;
        while (_lines < until - 2)
        {
            var cmd = Pick(s_serviceNames);
            Line("RUN --mount=type=cache,target=/go/pkg/mod \\");
            Line("    --mount=type=cache,target=/root/.cache/go-build \\");
            Line($"    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\");
            Line($"    go build -trimpath -ldflags=\"-s -w -X main.version={Version()} -X main.commit={Hex(40)}\" \\");
            Line($"    -o /out/{cmd}{binary++} ./cmd/{cmd}");
            if (_random.Next(3) == 0)
            {
                Line($"# Keep the test run in the build so a broken {cmd} never ships.");
                Line($"RUN --mount=type=cache,target=/root/.cache/go-build go test ./internal/{cmd}/...");
            }
        }
        while (_lines < until) Line($"ENV GOFLAGS=-mod=readonly");
    }

    private void Node(int until, string? name)
    {
        From($"node:{_random.Next(18, 23)}-{Pick(["alpine", "bookworm-slim", "slim"])}", name);
        Line("WORKDIR /app");
        Line("ENV NODE_ENV=production \\");
        Line("    NPM_CONFIG_LOGLEVEL=warn \\");
        Line("    NEXT_TELEMETRY_DISABLED=1");
        Line("COPY package.json package-lock.json* yarn.lock* pnpm-lock.yaml* ./");
        Line("RUN --mount=type=cache,target=/root/.npm \\");
        Line("    if [ -f yarn.lock ]; then yarn --frozen-lockfile; \\");
        Line("    elif [ -f package-lock.json ]; then npm ci --include=dev; \\");
        Line("    elif [ -f pnpm-lock.yaml ]; then corepack enable pnpm && pnpm i --frozen-lockfile; \\");
        Line("    else echo \"Lockfile not found.\" && exit 1; \\");
        Line("    fi");
        Line("COPY . .");
        while (_lines < until - 1)
        {
            var app = Pick(s_serviceNames);
            if (_random.Next(2) == 0)
            {
                Line($"RUN npm run build --workspace=apps/{app} \\");
                Line($" && npm run test --workspace=apps/{app} -- --ci --reporters=default \\");
                Line($" && npm prune --omit=dev");
            }
            else
            {
                Line($"COPY --chown=node:node apps/{app}/public ./apps/{app}/public");
                Line($"ARG {app.ToUpperInvariant()}_API_URL=https://{app}.example.com/api/v{_random.Next(1, 4)}");
            }
        }
        while (_lines < until) Line("USER node");
    }

    private void Python(int until, string? name)
    {
        From($"python:3.{_random.Next(9, 14)}-{Pick(["slim", "slim-bookworm", "alpine"])}", name);
        Line("ENV PYTHONDONTWRITEBYTECODE=1 \\");
        Line("    PYTHONUNBUFFERED=1 \\");
        Line("    PIP_NO_CACHE_DIR=1 \\");
        Line("    PIP_DISABLE_PIP_VERSION_CHECK=1");
        AptInstall(_random.Next(3, 10));
        Line("WORKDIR /app");
        Line("COPY requirements.txt .");
        Line("RUN --mount=type=cache,target=/root/.cache/pip \\");
        Line("    python -m venv /opt/venv \\");
        Line("    && /opt/venv/bin/pip install --upgrade pip wheel setuptools \\");
        Line("    && /opt/venv/bin/pip install -r requirements.txt");
        while (_lines < until - 1)
        {
            var module = Pick(s_serviceNames);
            switch (_random.Next(3))
            {
                case 0:
                    Line($"COPY src/{module}/ ./src/{module}/");
                    break;
                case 1:
                    Line($"RUN /opt/venv/bin/python -m compileall -q src/{module} && /opt/venv/bin/pytest -q tests/{module}");
                    break;
                default:
                    Line($"ENV {module.ToUpperInvariant()}_URL=\"postgresql://{module}:{module}@db:5432/{module}\" {module.ToUpperInvariant()}_POOL={_random.Next(1, 50)}");
                    break;
            }
        }
        while (_lines < until) Line("ENV PATH=\"/opt/venv/bin:$PATH\"");
    }

    private void Java(int until, string? name)
    {
        From($"{Pick(["maven:3.9-eclipse-temurin-21", "gradle:8.10-jdk21", "eclipse-temurin:17-jdk"])}", name);
        Line("WORKDIR /workspace/app");
        Line("COPY mvnw .");
        Line("COPY .mvn .mvn");
        Line("COPY pom.xml .");
        Line("RUN --mount=type=cache,target=/root/.m2 ./mvnw -B dependency:go-offline");
        Line("COPY src src");
        while (_lines < until - 1)
        {
            var module = Pick(s_serviceNames);
            Line("RUN --mount=type=cache,target=/root/.m2 \\");
            Line($"    ./mvnw -B -pl {module} -am package -DskipTests=false \\");
            Line($"      -Dmaven.test.failure.ignore=false -Drevision={Version()} && \\");
            Line($"    mkdir -p target/dependency/{module} && (cd target/dependency/{module}; jar -xf ../../{module}.jar)");
        }
        while (_lines < until) Line("ARG DEPENDENCY=/workspace/app/target/dependency");
    }

    private void Dotnet(int until, string? name)
    {
        From($"mcr.microsoft.com/dotnet/sdk:{_random.Next(6, 10)}.0", name);
        Line("ARG BUILD_CONFIGURATION=Release");
        Line("WORKDIR /src");
        while (_lines < until - 4)
        {
            var project = char.ToUpperInvariant(Pick(s_serviceNames)[0]) + Pick(s_serviceNames)[1..];
            Line($"COPY [\"src/{project}/{project}.csproj\", \"src/{project}/\"]");
            Line($"RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \\");
            Line($"    dotnet restore \"src/{project}/{project}.csproj\"");
        }
        Line("COPY . .");
        Line("RUN dotnet publish \"src/App/App.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false");
        while (_lines < until) Line("ENV DOTNET_CLI_TELEMETRY_OPTOUT=1");
    }

    private void Heredoc(int until, string? name)
    {
        From($"{Pick(["ubuntu:24.04", "debian:bookworm", "alpine:3.20"])}", name);
        while (_lines < until - 2)
        {
            switch (_random.Next(4))
            {
                case 0:
                    Line("RUN <<EOF");
                    Line("set -eux");
                    Line("apt-get update");
                    Line($"apt-get install -y --no-install-recommends {string.Join(' ', Sample(s_debianPackages, _random.Next(3, 8)))}");
                    Line("rm -rf /var/lib/apt/lists/*");
                    Line("EOF");
                    break;
                case 1:
                    var file = Pick(s_serviceNames);
                    Line($"COPY <<EOF /etc/{file}/config.ini");
                    Line($"[{file}]");
                    Line($"listen = 0.0.0.0:{_random.Next(1000, 9999)}");
                    Line($"token = {Hex(32)}");
                    Line("log_level = ${LOG_LEVEL:-info}");
                    Line("EOF");
                    break;
                case 2:
                    Line("RUN <<-'SCRIPT' bash");
                    Line("\tset -euo pipefail");
                    Line("\tfor f in /docker-entrypoint.d/*.sh; do");
                    Line("\t  [ -x \"$f\" ] && \"$f\"");
                    Line("\tdone");
                    Line("\tSCRIPT");
                    break;
                default:
                    Line("RUN --mount=type=secret,id=npmrc,target=/root/.npmrc <<EOT");
                    Line("  npm ci --omit=dev");
                    Line("  npm cache clean --force");
                    Line("EOT");
                    break;
            }
        }
        while (_lines < until) Line("CMD [\"/bin/sh\", \"-c\", \"exec /usr/local/bin/start\"]");
    }

    private void Simple(int until, string? name)
    {
        From(Pick(["nginx:1.27-alpine", "ubuntu:22.04", "httpd:2.4", "busybox:1.36", "node:20"]), name);
        Line("LABEL maintainer=\"team@example.com\" \\");
        Line("      org.opencontainers.image.source=\"https://git.example.com/team/app\" \\");
        Line($"      org.opencontainers.image.version=\"{Version()}\"");
        while (_lines < until - 3)
        {
            switch (_random.Next(6))
            {
                case 0:
                    Line($"COPY {Pick(["conf", "static", "templates", "html"])}/ /usr/share/{Pick(s_serviceNames)}/");
                    break;
                case 1:
                    Line($"ENV {Pick(s_serviceNames).ToUpperInvariant()}_PORT={_random.Next(1000, 9999)}");
                    break;
                case 2:
                    Line($"RUN chmod -R g+rwX /var/cache/{Pick(s_serviceNames)} && chown -R 101:0 /var/cache/{Pick(s_serviceNames)}");
                    break;
                case 3:
                    Line("    # indented comment left over from an old edit");
                    break;
                case 4:
                    Line();
                    break;
                default:
                    Line($"ADD --chmod=755 https://example.com/releases/{Version()}/tool-linux-amd64 /usr/local/bin/tool");
                    break;
            }
        }
        Line("USER 101");
        Line("STOPSIGNAL SIGQUIT");
        while (_lines < until) Line("CMD nginx -g 'daemon off;'");
    }

    private void Runtime(string kind, int until)
    {
        var (image, user) = kind switch
        {
            "go" => ("gcr.io/distroless/static-debian12:nonroot", "nonroot:nonroot"),
            "node" => ("node:20-alpine", "node"),
            "python" => ("python:3.12-slim", "app"),
            "java" => ("eclipse-temurin:21-jre", "1001"),
            _ => ("mcr.microsoft.com/dotnet/aspnet:8.0", "app"),
        };
        Line($"FROM {image} AS runtime");
        Line("WORKDIR /app");
        var source = kind switch
        {
            "go" => "/out/",
            "node" => "/app/",
            "python" => "/opt/venv",
            "java" => "/workspace/app/target/dependency",
            _ => "/app/publish",
        };
        Line($"COPY --from=build --chown={user} {source} ./");
        Line($"USER {user}");
        Line($"EXPOSE {_random.Next(1000, 9999)}/tcp");
        Line("HEALTHCHECK --interval=30s --timeout=3s \\");
        Line($"  CMD [\"/app/healthcheck\", \"--port\", \"{_random.Next(1000, 9999)}\"]");
        if (_random.Next(2) == 0) Line("ENTRYPOINT [\"/app/entrypoint\"]");
        else Line("ENTRYPOINT exec /app/entrypoint \"$@\"");
        while (_lines < until) Line($"CMD [\"--config\", \"/etc/app/config.yaml\"]");
    }

    private void Windows(int until)
    {
        Line("# escape=`");
        Line();
        Line($"FROM mcr.microsoft.com/windows/servercore:ltsc{Pick(["2019", "2022"])}");
        Line("SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';\"]");
        while (_lines < until - 3)
        {
            var tool = Pick(s_serviceNames);
            var version = Version();
            Line($"ENV {tool.ToUpperInvariant()}_VERSION {version}");
            Line($"RUN $url = ('https://download.example.org/{tool}/{{0}}/{tool}-{{0}}-windows-amd64.zip' -f $env:{tool.ToUpperInvariant()}_VERSION); `");
            Line($"    Write-Host ('Downloading {{0}} ...' -f $url); `");
            Line($"    Invoke-WebRequest -Uri $url -OutFile '{tool}.zip'; `");
            Line($"    $sha256 = '{Hex(64)}'; `");
            Line($"    if ((Get-FileHash {tool}.zip -Algorithm sha256).Hash -ne $sha256) {{ `");
            Line("        Write-Host 'FAILED!'; `");
            Line("        exit 1; `");
            Line("    }; `");
            Line($"    Expand-Archive {tool}.zip -DestinationPath C:\\{tool}; `");
            Line($"    Remove-Item {tool}.zip -Force");
        }
        Line("WORKDIR C:\\app");
        Line("COPY . .");
        while (_lines < until) Line("CMD [\"C:\\\\app\\\\run.cmd\"]");
        _text.Replace("\n", "\r\n");
    }

    private void AptInstall(int packages)
    {
        Line("RUN set -eux; \\");
        Line("\tapt-get update; \\");
        Line("\tapt-get install -y --no-install-recommends \\");
        foreach (var package in Sample(s_debianPackages, Math.Min(packages, s_debianPackages.Length))) Line($"\t\t{package} \\");
        Line("\t; \\");
        Line("\trm -rf /var/lib/apt/lists/*");
    }

    private void From(string image, string? name)
    {
        if (_random.Next(4) == 0) Line($"ARG BASE_IMAGE={image}");
        Line(name is null ? $"FROM {image}" : $"FROM {(_random.Next(5) == 0 ? "--platform=$BUILDPLATFORM " : "")}{image} AS {name}");
    }

    private void Line(string text = "")
    {
        _text.Append(text).Append('\n');
        _lines++;
    }

    private string Version() => string.Create(CultureInfo.InvariantCulture, $"{_random.Next(0, 20)}.{_random.Next(0, 30)}.{_random.Next(0, 100)}");

    private string Hex(int length)
    {
        const string digits = "0123456789abcdef";
        return string.Create(length, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = digits[random.Next(16)];
        });
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private IEnumerable<string> Sample(string[] items, int count)
    {
        var copy = (string[])items.Clone();
        _random.Shuffle(copy);
        Array.Sort(copy, 0, count, StringComparer.Ordinal);
        return copy.Take(count);
    }
}
