using Dflint.Analysis;
using Dflint.Rules;
using Dflint.Semantics.Shell;
using Dflint.Syntax;

namespace Dflint.Tests.Rules;

/// <summary>
/// The ecosystem table behind DF0320 (which commands are dependency steps, of what kind, reading their manifests
/// where), then the rule's walk over a Dockerfile (which COPY it reports for which install).
/// </summary>
public sealed class DependencyInstallTests
{
    /// <summary>Each step of the script as "Family Kind 'display' in folder -> advice", joined with '|'.</summary>
    private static string Steps(string script) => string.Join("|", ShellScript.Parse(script).Commands
        .Select(command => DependencyInstalls.Find(command, null))
        .OfType<DependencyStep>()
        .Select(s => $"{s.Family} {s.Kind} '{s.Display}' in {s.Directory ?? "?"} -> {s.CacheableStep}"));

    [TestCase("npm ci", "Node Install 'npm ci' in . -> npm ci")]
    [TestCase("npm install --omit=dev && npm i --no-audit --prefix web", "Node Install 'npm install' in . -> npm install|Node Install 'npm i' in web -> npm i")]
    [TestCase("npm --prefix $APP ci && /usr/local/bin/npm clean-install", "Node Install 'npm ci' in ? -> npm ci|Node Install 'npm clean-install' in . -> npm clean-install")]
    [TestCase("npm install -g pnpm@9 && npm install --save express && npm run build && npm install --omit dev", "Node Install 'npm install' in . -> npm install")]
    [TestCase("yarn && yarn --frozen-lockfile --cwd app && yarn install --immutable", "Node Install 'yarn' in . -> yarn|Node Install 'yarn' in app -> yarn|Node Install 'yarn install' in . -> yarn install")]
    [TestCase("yarn add react && yarn build && yarn --version && yarn global add serve", "")]
    [TestCase("yarn workspaces focus --production", "Node Install 'yarn workspaces focus' in . -> yarn workspaces focus")]
    [TestCase("pnpm install --frozen-lockfile && pnpm i -C web && pnpm fetch --prod && pnpm add zod", "Node Install 'pnpm install' in . -> pnpm install|Node Install 'pnpm i' in web -> pnpm i|Node Install 'pnpm fetch' in . -> pnpm fetch")]
    [TestCase("bun install --production && bun add hono && bun run build", "Node Install 'bun install' in . -> bun install")]
    [TestCase("pip install -r requirements.txt", "Python Install 'pip install -r requirements.txt' in . -> pip install -r requirements.txt")]
    [TestCase("pip3 install --no-cache-dir -r /tmp/req/base.txt -r dev.txt", "Python Install 'pip3 install -r /tmp/req/base.txt' in /tmp/req -> pip3 install -r /tmp/req/base.txt")]
    [TestCase("python3 -m pip install -rrequirements/prod.txt", "Python Install 'python3 -m pip install -r requirements/prod.txt' in requirements -> python3 -m pip install -r requirements/prod.txt")]
    [TestCase("pip install . && pip install -e . && pip install flask==3.0.3 && pip wheel -r requirements.txt", "")]
    [TestCase("uv pip install --system -r requirements.txt", "Python Install 'uv pip install -r requirements.txt' in . -> uv pip install -r requirements.txt")]
    [TestCase("uv sync --locked && uv sync --frozen --no-install-project --directory api", "Python Project 'uv sync' in . -> uv sync --no-install-project|Python Install 'uv sync' in api -> uv sync")]
    [TestCase("poetry install --only main && poetry install --no-root -C svc && poetry install --only-root", "Python Project 'poetry install' in . -> poetry install --no-root|Python Install 'poetry install' in svc -> poetry install")]
    [TestCase("pipenv install --system --deploy && pipenv sync && pipenv install requests", "Python Install 'pipenv install' in . -> pipenv install|Python Install 'pipenv sync' in . -> pipenv sync")]
    [TestCase("bundle install --jobs 4 && bundle && bundle install --gemfile app/Gemfile && bundle exec rake", "Ruby Install 'bundle install' in . -> bundle install|Ruby Install 'bundle' in . -> bundle|Ruby Install 'bundle install' in app -> bundle install")]
    [TestCase("bundle config set without development && bundle --version", "")]
    [TestCase("go mod download -x && go mod tidy && go mod verify", "Go Install 'go mod download' in . -> go mod download")]
    [TestCase("go build -o /out/app ./cmd/app && go test ./... && go run . && go install ./...", "Go Build 'go build' in . -> go mod download|Go Build 'go test' in . -> go mod download|Go Build 'go run' in . -> go mod download|Go Build 'go install' in . -> go mod download")]
    [TestCase("go build -C tools -ldflags '-s -w' -o /bin/gen . && go build -C=$DIR .", "Go Build 'go build' in tools -> go mod download|Go Build 'go build' in ? -> go mod download")]
    [TestCase("go install golang.org/x/tools/gopls@v0.16.2 && go run github.com/a/b@v1.2.3 && go vet ./... && go generate ./...", "")]
    [TestCase("go build -mod=vendor . && go build -mod vendor . && GOFLAGS=-mod=vendor go test ./...", "")]
    [TestCase("mvn -B dependency:go-offline && mvn -q -f api/pom.xml clean package -DskipTests", "Maven Install 'mvn dependency:go-offline' in . -> mvn dependency:go-offline|Maven Build 'mvn package' in api -> mvn dependency:go-offline")]
    [TestCase("./mvnw -pl core -am install && mvnd verify && mvn de.qaware.maven:go-offline-maven-plugin:resolve-dependencies", "Maven Build './mvnw install' in . -> ./mvnw dependency:go-offline|Maven Build 'mvnd verify' in . -> mvnd dependency:go-offline|Maven Install 'mvn de.qaware.maven:go-offline-maven-plugin:resolve-dependencies' in . -> mvn dependency:go-offline")]
    [TestCase("mvn -o package && mvn clean && mvn --version", "")]
    [TestCase("gradle build --no-daemon && ./gradlew dependencies && ./gradlew :app:bootJar -x test -p services/app", "Gradle Build 'gradle build' in . -> gradle dependencies|Gradle Install './gradlew dependencies' in . -> ./gradlew dependencies|Gradle Build './gradlew :app:bootJar' in services/app -> ./gradlew dependencies")]
    [TestCase("gradle clean && ./gradlew --version && gradle build --offline && ./gradlew tasks", "")]
    [TestCase("cargo fetch && cargo chef cook --release --recipe-path recipe.json && cargo +nightly build --release", "Rust Install 'cargo fetch' in . -> cargo fetch|Rust Install 'cargo chef cook' in . -> cargo fetch|Rust Build 'cargo build' in . -> cargo fetch")]
    [TestCase("cargo install --path ./crates/cli && cargo build --manifest-path server/Cargo.toml", "Rust Build 'cargo install' in ./crates/cli -> cargo fetch|Rust Build 'cargo build' in server -> cargo fetch")]
    [TestCase("cargo install ripgrep && cargo build --offline && cargo chef prepare --recipe-path recipe.json", "")]
    [TestCase("composer install --no-dev --no-scripts && composer i -d /app && composer require x/y && composer dump-autoload", "Php Install 'composer install' in . -> composer install|Php Install 'composer i' in /app -> composer i")]
    [TestCase("dotnet restore && dotnet restore \"src/Api/Api.csproj\" && dotnet publish -c Release -o /app --self-contained false", "DotNet Install 'dotnet restore' in . -> dotnet restore|DotNet Install 'dotnet restore' in src/Api -> dotnet restore|DotNet Build 'dotnet publish' in . -> dotnet restore")]
    [TestCase("dotnet build Web -c Release && dotnet run --project tools/Gen/Gen.csproj", "DotNet Build 'dotnet build' in Web -> dotnet restore|DotNet Build 'dotnet run' in tools/Gen -> dotnet restore")]
    [TestCase("dotnet publish --no-restore -o /app && dotnet tool restore && dotnet new console", "")]
    [TestCase("sudo -u app npm ci && env CI=1 nice -n 5 yarn install && sh -c 'bundle install'", "Node Install 'npm ci' in . -> npm ci|Node Install 'yarn install' in . -> yarn install|Ruby Install 'bundle install' in . -> bundle install")]
    [TestCase("$NPM ci && ${BIN}/cargo build", "Rust Build '${BIN}/cargo build' in . -> ${BIN}/cargo fetch")]
    public void Detects_dependency_steps(string script, string expected) => Assert.That(Steps(script), Is.EqualTo(expected));

    [TestCase("package*.json", true)]
    [TestCase("./web/package.json", true)]
    [TestCase("*.json", true)]
    [TestCase("src/", false)]
    [TestCase("yarn.lock", true)]
    [TestCase("Gemfile", false)]
    public void Recognises_node_manifests(string source, bool expected)
    {
        var step = DependencyInstalls.Find(ShellScript.Parse("npm ci").Commands[0], null)!;
        Assert.That(DependencyInstalls.IsManifest(step, source), Is.EqualTo(expected));
    }

    [TestCase("dotnet restore", "src/*/*.csproj", true)]
    [TestCase("dotnet restore", "NuGet.Config", true)]
    [TestCase("pip install -r deps/base.txt", "deps/base.txt", true)]
    [TestCase("pip install -r requirements.txt", "requirements/", true)]
    [TestCase("pip install -r requirements.txt", "app/", false)]
    [TestCase("cargo build", "Cargo.*", true)]
    [TestCase("./gradlew build", "gradle/", true)]
    public void Recognises_manifests(string command, string source, bool expected)
    {
        var step = DependencyInstalls.Find(ShellScript.Parse(command).Commands[0], null)!;
        Assert.That(DependencyInstalls.IsManifest(step, source), Is.EqualTo(expected));
    }

    [TestCase(".", true)]
    [TestCase("./", true)]
    [TestCase("*", true)]
    [TestCase("./*", true)]
    [TestCase("/", true)]
    [TestCase(".//.", true)]
    [TestCase("./src", false)]
    [TestCase("*.py", false)]
    public void Whole_context(string source, bool expected) => Assert.That(DF0320CopyBeforeDependencyInstall.IsWholeContext(source), Is.EqualTo(expected));

    [TestCase("app/", true)]
    [TestCase("app", true)]
    [TestCase("src/.", true)]
    [TestCase("Gemfile", false)]
    [TestCase("Makefile", false)]
    [TestCase("main.py", false)]
    [TestCase("src/*", false)]
    [TestCase("https://example.com/x", false)]
    public void Folder_sources(string source, bool expected) => Assert.That(DF0320CopyBeforeDependencyInstall.IsFolder(source), Is.EqualTo(expected));

    [TestCase("/app", "src", "/app/src")]
    [TestCase("/app", "../lib/./x/", "/lib/x")]
    [TestCase("/app", "/tmp", "/tmp")]
    [TestCase("~", "web", "~/web")]
    [TestCase("~", ".", "~")]
    [TestCase("~", "..", null)]
    [TestCase(null, "web", null)]
    [TestCase(null, "/web", "/web")]
    public void Resolves_paths(string? directory, string path, string? expected) => Assert.That(ContainerPaths.Resolve(directory, path), Is.EqualTo(expected));

    private static string Reported(string dockerfile)
    {
        var tree = DockerfileSyntaxTree.Parse(dockerfile, "Dockerfile");
        var rule = DF0320CopyBeforeDependencyInstall.Rule;
        var selection = RuleSelection.Create(RuleRegistry.Default, new SelectionSettings { Select = [rule.Code] });
        var result = DockerfileLinter.Lint(tree, new LintSettings { Selection = selection, RethrowAnalyzerExceptions = true });
        return string.Join("|", result.Diagnostics.Where(d => d.Rule == rule).Select(d =>
        {
            var line = tree.Text.Lines.GetLinePosition(d.Span.Start).Line + 1;
            var message = d.Message;
            var install = message[(message.IndexOf(" before '", StringComparison.Ordinal) + 9)..];
            return $"{line}:{tree.Text.ToString(d.Span)}>{install[..install.IndexOf('\'', StringComparison.Ordinal)]}";
        }));
    }

    [TestCase("WORKDIR /app\nCOPY . .\nRUN npm ci", "3:.>npm ci")]
    [TestCase("COPY . /app\nWORKDIR /app\nRUN npm ci", "2:.>npm ci")]
    [TestCase("WORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build", "")]
    [TestCase("WORKDIR /app\nCOPY package.json ./\nCOPY . .\nRUN npm ci", "4:.>npm ci")]
    [TestCase("WORKDIR /app\nCOPY src/ ./src/\nCOPY package.json ./\nRUN npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY app/ ./\nRUN npm ci", "3:app/>npm ci")]
    [TestCase("WORKDIR /app\nCOPY app/ ./\nCOPY package.json ./\nRUN npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY config/ ./\nCOPY . .\nRUN npm ci", "4:.>npm ci")]
    [TestCase("COPY rootfs/ /\nWORKDIR /\nRUN npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY --from=build /src .\nRUN npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY https://example.com/a.tgz .\nADD https://github.com/o/r.git /app\nRUN npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY <<EOF ./x\nhi\nEOF\nRUN npm ci", "")]
    [TestCase("ARG SRC\nWORKDIR /app\nCOPY $SRC .\nRUN npm ci", "")]
    [TestCase("ARG SRC=.\nWORKDIR /app\nCOPY ${SRC} .\nRUN npm ci", "4:${SRC}>npm ci")]
    [TestCase("WORKDIR /app\nCOPY . .\nRUN cd web && npm ci\nRUN cd api && npm ci\nRUN cd web && npm ci --omit=dev", "3:.>npm ci|3:.>npm ci")]
    [TestCase("WORKDIR /app\nCOPY web/package*.json web/\nRUN cd web && npm ci\nCOPY . .\nRUN cd api && npm ci", "5:.>npm ci")]
    [TestCase("WORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN cd web && npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY . .\nRUN npm ci && pip install -r requirements.txt", "3:.>npm ci|3:.>pip install -r requirements.txt")]
    [TestCase("WORKDIR /app\nCOPY . .\nRUN if [ -f yarn.lock ]; then yarn; else npm ci; fi", "3:.>yarn")]
    [TestCase("WORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/go-build go build .", "")]
    [TestCase("WORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci", "3:.>npm ci")]
    [TestCase("WORKDIR /app\nCOPY . .\nRUN --mount=type=bind,source=package.json,target=package.json npm ci", "3:.>npm ci")]
    [TestCase("WORKDIR /app\nONBUILD COPY . .\nONBUILD RUN npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY . .\nSHELL [\"pwsh\", \"-Command\"]\nRUN npm ci", "")]
    [TestCase("WORKDIR /app\nCOPY . .\nSHELL [\"pwsh\", \"-Command\"]\nRUN [\"npm\", \"ci\"]", "3:.>npm ci")]
    [TestCase("WORKDIR /src\nCOPY [\"Lib/Lib.csproj\", \"Lib/\"]\nRUN dotnet restore Lib/Lib.csproj\nCOPY . .\nRUN dotnet publish Api/Api.csproj -o /out", "")]
    [TestCase("WORKDIR /src\nCOPY . .\nRUN dotnet restore Api/Api.csproj && dotnet publish Api/Api.csproj --no-restore -o /out", "3:.>dotnet restore")]
    public void Reports_the_copy_before_the_first_install(string body, string expected) =>
        Assert.That(Reported("FROM node:20\n" + body + "\n"), Is.EqualTo(expected));

    [Test]
    public void Follows_the_stages_a_stage_is_built_on()
    {
        const string dockerfile = """
            FROM node:20 AS base
            WORKDIR /app
            COPY . .
            FROM base AS deps
            RUN npm ci
            FROM node:20 AS other
            WORKDIR /app
            RUN npm ci
            FROM deps AS again
            RUN npm ci --omit=dev
            """;
        Assert.That(Reported(dockerfile), Is.EqualTo("3:.>npm ci"));
    }

    [Test]
    public void An_install_in_a_base_stage_caches_the_dependencies()
    {
        const string dockerfile = """
            FROM golang:1.22 AS deps
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN go mod download
            FROM deps AS build
            COPY . .
            WORKDIR /src/cmd/api
            RUN go build -o /out/api .
            """;
        Assert.That(Reported(dockerfile), Is.Empty);
    }
}
