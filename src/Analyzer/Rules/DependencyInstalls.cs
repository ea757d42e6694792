using System.IO.Enumeration;
using Dflint.Semantics;
using Dflint.Semantics.Shell;

namespace Dflint.Rules;

/// <summary>Ecosystems whose dependency steps stand in for each other: a <c>yarn install</c> caches what a later <c>npm ci</c> needs.</summary>
internal enum DependencyFamily
{
    Node,
    Python,
    Ruby,
    Go,
    Maven,
    Gradle,
    Rust,
    Php,
    DotNet,
}

internal enum DependencyStepKind
{
    /// <summary>Installs or downloads the dependencies from the manifests alone: <c>npm ci</c>, <c>go mod download</c>, <c>dotnet restore</c>.</summary>
    Install,

    /// <summary>Installs the dependencies and the project itself, so it needs the sources: <c>poetry install</c>, <c>uv sync</c>.</summary>
    Project,

    /// <summary>Builds the sources and fetches missing dependencies on the way: <c>go build</c>, <c>mvn package</c>, <c>cargo build</c>.</summary>
    Build,
}

/// <summary>A command that installs, downloads or builds a project's dependencies from its manifests.</summary>
/// <param name="Family">The ecosystem.</param>
/// <param name="Kind">What else the step needs besides the manifests.</param>
/// <param name="NameWord">The word naming the tool (<c>npm</c>, <c>./gradlew</c>).</param>
/// <param name="Display">The step as messages name it: <c>npm ci</c>, <c>pip install -r requirements.txt</c>.</param>
/// <param name="Manifests">The files to copy before the step, for messages.</param>
/// <param name="CacheableStep">The step to run on the manifests alone: the step itself, or its dependencies-only form.</param>
/// <param name="Consequence">What a source change costs when the step comes after the sources.</param>
/// <param name="Directory">
/// Where the manifests are read, relative to the working directory unless absolute (<c>.</c>, <c>frontend</c>,
/// <c>/tmp</c>); null when a variable decides.
/// </param>
/// <param name="NamesManifestFile">True when the step names its manifest by a path with a folder (<c>-r deps/base.txt</c>, <c>-f api/pom.xml</c>).</param>
/// <param name="ManifestFile">A manifest named on the command line (pip's requirements file), besides the usual names of the family.</param>
internal sealed record DependencyStep(
    DependencyFamily Family,
    DependencyStepKind Kind,
    ShellWord NameWord,
    string Display,
    string Manifests,
    string CacheableStep,
    string Consequence,
    string? Directory,
    bool NamesManifestFile = false,
    string? ManifestFile = null);

/// <summary>
/// The table of dependency steps per ecosystem: which commands install a project's dependencies from its
/// manifests, and which manifests those are. Installs of named packages (<c>npm install -g pnpm</c>, <c>pip install
/// poetry</c>, <c>go install x@v1</c>) are tools, not the project's dependencies, and are not steps.
/// </summary>
internal static class DependencyInstalls
{
    private const string Reinstalls = "re-runs the install";
    private const string Redownloads = "downloads the dependencies again";

    /// <summary>The file names (globs allowed) that hold each family's dependencies.</summary>
    private static readonly Dictionary<DependencyFamily, string[]> s_manifests = new()
    {
        [DependencyFamily.Node] = ["package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "pnpm-workspace.yaml", "bun.lock", "bun.lockb", ".npmrc", ".yarnrc.yml"],
        [DependencyFamily.Python] = ["*requirements*.txt", "requirements", "constraints*.txt", "pyproject.toml", "poetry.lock", "uv.lock", "Pipfile", "Pipfile.lock"],
        [DependencyFamily.Ruby] = ["Gemfile", "Gemfile.lock", "*.gemspec"],
        [DependencyFamily.Go] = ["go.mod", "go.sum", "go.work", "go.work.sum"],
        [DependencyFamily.Maven] = ["pom.xml", ".mvn", "mvnw"],
        [DependencyFamily.Gradle] = ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties", "gradle", "gradlew", "libs.versions.toml"],
        [DependencyFamily.Rust] = ["Cargo.toml", "Cargo.lock", "recipe.json"],
        [DependencyFamily.Php] = ["composer.json", "composer.lock"],
        [DependencyFamily.DotNet] = ["*.csproj", "*.fsproj", "*.vbproj", "*.sln", "*.slnx", "NuGet.config", "Directory.Packages.props", "Directory.Build.props", "global.json", "packages.lock.json"],
    };

    /// <summary>Words the command line of each family's steps contains, to skip RUNs without any cheaply.</summary>
    private static readonly Dictionary<DependencyFamily, string[]> s_tools = new()
    {
        [DependencyFamily.Node] = ["npm", "yarn", "pnpm", "bun"],
        [DependencyFamily.Python] = ["pip", "py", "uv", "poetry"],
        [DependencyFamily.Ruby] = ["bundle"],
        [DependencyFamily.Go] = ["go"],
        [DependencyFamily.Maven] = ["mvn"],
        [DependencyFamily.Gradle] = ["gradle"],
        [DependencyFamily.Rust] = ["cargo"],
        [DependencyFamily.Php] = ["composer"],
        [DependencyFamily.DotNet] = ["dotnet"],
    };

    private static readonly HashSet<string> s_npmInstall = LanguageInstallers.Set(
        "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add");

    private static readonly HashSet<string> s_npmCi = LanguageInstallers.Set("ci", "clean-install", "ic", "install-clean", "isntall-clean");

    private static readonly HashSet<string> s_npmOptionsWithValue = LanguageInstallers.Set(
        "--prefix", "-C", "--omit", "--include", "-w", "--workspace", "--registry", "--cache", "--loglevel", "--userconfig",
        "--globalconfig", "--install-strategy", "--tag", "--before", "--location", "--script-shell", "--os", "--cpu", "--libc",
        "--fetch-retries", "--fetch-timeout");

    private static readonly HashSet<string> s_yarnOptionsWithValue = LanguageInstallers.Set(
        "--cwd", "--network-timeout", "--cache-folder", "--modules-folder", "--mutex", "--registry", "--global-folder",
        "--link-folder", "--network-concurrency", "--use-yarnrc");

    private static readonly HashSet<string> s_pnpmOptionsWithValue = LanguageInstallers.Set(
        "-C", "--dir", "--filter", "-F", "--store-dir", "--reporter", "--loglevel", "--registry", "--virtual-store-dir",
        "--modules-dir", "--network-concurrency", "--child-concurrency", "--lockfile-dir", "-w", "--workspace-root");

    private static readonly HashSet<string> s_bunOptionsWithValue = LanguageInstallers.Set(
        "--cwd", "--cache-dir", "--registry", "--backend", "--concurrent-scripts", "--network-concurrency", "-c", "--config");

    private static readonly HashSet<string> s_poetryOptionsWithValue = LanguageInstallers.Set(
        "-C", "--directory", "-P", "--project", "--only", "--with", "--without", "-E", "--extras");

    private static readonly HashSet<string> s_pipenvOptionsWithValue = LanguageInstallers.Set(
        "--python", "--pypi-mirror", "-r", "--requirements", "--categories", "--extra-pip-args", "-i", "--index");

    private static readonly HashSet<string> s_uvOptionsWithValue = LanguageInstallers.Set(
        "--directory", "--project", "-p", "--python", "--extra", "--group", "--only-group", "--no-group", "--package",
        "--index", "--default-index", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--cache-dir",
        "--config-file", "--color", "--python-platform", "--exclude-newer", "--index-strategy", "--keyring-provider",
        "--resolution", "--prerelease", "--link-mode", "--refresh-package", "--reinstall-package", "-P", "--upgrade-package",
        "--no-binary-package", "--no-build-package", "--allow-insecure-host", "-C", "--config-setting", "--fork-strategy",
        "--no-extra", "--no-install-package");

    private static readonly HashSet<string> s_bundleOptionsWithValue = LanguageInstallers.Set(
        "--gemfile", "--path", "--without", "--with", "-j", "--jobs", "--retry", "--shebang", "--trust-policy", "--target-rbconfig");

    /// <summary>Go's build flags that take the next word (one name, written with - or --).</summary>
    private static readonly HashSet<string> s_goFlagsWithValue = LanguageInstallers.Set(
        "C", "p", "asmflags", "buildmode", "buildvcs", "compiler", "gccgoflags", "gcflags", "installsuffix", "ldflags", "mod",
        "modfile", "overlay", "pgo", "pkgdir", "tags", "toolexec", "covermode", "coverpkg", "o", "exec", "run", "bench",
        "count", "timeout", "cpu", "parallel", "skip", "coverprofile", "json");

    private static readonly HashSet<string> s_goBuilds = LanguageInstallers.Set("build", "install", "test", "run");

    /// <summary>Maven options that take the next word; Maven also has multi-letter short options (<c>-pl</c>).</summary>
    private static readonly HashSet<string> s_mavenOptionsWithValue = LanguageInstallers.Set(
        "-f", "--file", "-s", "--settings", "-gs", "--global-settings", "-t", "--toolchains", "-gt", "--global-toolchains",
        "-P", "--activate-profiles", "-pl", "--projects", "-rf", "--resume-from", "-T", "--threads", "-l", "--log-file",
        "-D", "--define", "-b", "--builder", "-emp", "--encrypt-master-password", "-ep", "--encrypt-password");

    /// <summary>Lifecycle phases from <c>compile</c> on: they resolve the project's dependencies.</summary>
    private static readonly HashSet<string> s_mavenBuildPhases = LanguageInstallers.Set(
        "compile", "process-classes", "test-compile", "test", "prepare-package", "package", "integration-test", "verify",
        "install", "deploy");

    private static readonly HashSet<string> s_gradleOptionsWithValue = LanguageInstallers.Set(
        "-x", "--exclude-task", "-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "-g",
        "--gradle-user-home", "-I", "--init-script", "--console", "--warning-mode", "--max-workers", "-D", "--system-prop",
        "-P", "--project-prop", "--priority", "--include-build", "-M", "--write-verification-metadata", "-F",
        "--dependency-verification");

    /// <summary>Gradle tasks that resolve no dependencies.</summary>
    private static readonly HashSet<string> s_gradleInfoTasks = LanguageInstallers.Set(
        "help", "tasks", "wrapper", "properties", "projects", "clean", "init", "buildEnvironment", "javaToolchains");

    private static readonly HashSet<string> s_cargoOptionsWithValue = LanguageInstallers.Set(
        "--manifest-path", "-p", "--package", "--target", "--target-dir", "-F", "--features", "-j", "--jobs", "--bin",
        "--example", "--test", "--bench", "--profile", "--config", "-Z", "--color", "--message-format", "--recipe-path",
        "--path", "--root", "--version", "--git", "--branch", "--tag", "--rev", "--index", "--registry", "--exclude",
        "--lockfile-path");

    private static readonly HashSet<string> s_cargoBuilds = LanguageInstallers.Set(
        "build", "b", "test", "t", "run", "r", "rustc", "check", "c", "bench", "doc", "d", "clippy");

    private static readonly HashSet<string> s_composerOptionsWithValue = LanguageInstallers.Set("-d", "--working-dir");

    private static readonly HashSet<string> s_dotnetOptionsWithValue = LanguageInstallers.Set(
        "-c", "--configuration", "-o", "--output", "-r", "--runtime", "-f", "--framework", "-a", "--arch", "--os", "-s",
        "--source", "--packages", "-v", "--verbosity", "--configfile", "--version-suffix", "-l", "--logger", "--project",
        "--property", "--launch-profile", "--results-directory", "--settings", "--filter", "--collect", "--ucr",
        "--use-current-runtime", "--sc", "--self-contained", "--artifacts-path", "--lock-file-path", "--environment", "-e");

    private static readonly HashSet<string> s_dotnetBuilds = LanguageInstallers.Set("build", "publish", "test", "pack", "run");

    /// <summary>The dependency step <paramref name="command"/> runs, or null.</summary>
    /// <param name="command">A simple command; wrappers (<c>sudo</c>, <c>env</c>) are looked through.</param>
    /// <param name="state">The RUN's state, for environment variables set by ENV (<c>GOFLAGS</c>); null when unknown.</param>
    public static DependencyStep? Find(ShellCommand command, InstructionState? state)
    {
        ArgumentNullException.ThrowIfNull(command);
        var effective = command.Effective;
        var name = effective.BaseName;
        if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || name.Contains('`', StringComparison.Ordinal)) return null;
        return name switch
        {
            "npm" => Npm(effective),
            "yarn" => Yarn(effective),
            "pnpm" => Pnpm(effective),
            "bun" => Bun(effective),
            "poetry" => Poetry(effective),
            "pipenv" => Pipenv(effective),
            "uv" => Pip(effective) ?? Uv(effective),
            "bundle" => Bundle(effective),
            "go" => Go(effective, command, state),
            "mvn" or "mvnw" or "mvnd" => Maven(effective),
            "gradle" or "gradlew" => Gradle(effective),
            "cargo" => Cargo(effective),
            "composer" or "composer.phar" => Composer(effective),
            "dotnet" => DotNet(effective),
            _ => LanguageInstallers.MayRunPip(name) ? Pip(effective) : null,
        };
    }

    /// <summary>Every step of <paramref name="family"/> names its tool with one of these words (<c>pipenv</c> contains <c>pip</c>).</summary>
    public static ReadOnlySpan<string> Tools(DependencyFamily family) => s_tools[family];

    /// <summary>
    /// True when a source of COPY (its value, globs allowed) names one of the family's manifests or the step's own
    /// manifest file: <c>package*.json</c>, <c>src/Api/Api.csproj</c>, <c>requirements/</c>.
    /// </summary>
    public static bool IsManifest(DependencyStep step, string source)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(source);
        var name = LastSegment(source);
        if (name.IsEmpty) return false;
        if (step.ManifestFile is { } file && Matches(file, name)) return true;
        foreach (var pattern in s_manifests[step.Family])
        {
            if (Matches(pattern, name)) return true;
        }
        return false;
    }

    /// <summary>Either side may be a glob: <c>package*.json</c> copies <c>package.json</c>, and <c>*.csproj</c> is a manifest pattern.</summary>
    private static bool Matches(string pattern, ReadOnlySpan<char> name) =>
        FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: true)
        || (name.IndexOfAny('*', '?') >= 0 && FileSystemName.MatchesSimpleExpression(name, pattern, ignoreCase: true));

    /// <summary>The last segment of a path, trailing slashes and dots aside: <c>requirements</c> for <c>./requirements/</c> or <c>requirements/.</c>.</summary>
    internal static ReadOnlySpan<char> LastSegment(string path)
    {
        var span = path.AsSpan().TrimEnd('/');
        while (span.EndsWith("/.", StringComparison.Ordinal)) span = span[..^2].TrimEnd('/');
        var slash = span.LastIndexOf('/');
        return slash < 0 ? span : span[(slash + 1)..];
    }

    private static DependencyStep? Npm(EffectiveCommand npm)
    {
        var arguments = npm.ParseArguments(s_npmOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true } subcommand) return null;
        var verb = subcommand.Value;
        var install = s_npmInstall.Contains(verb);
        if (!install && !s_npmCi.Contains(verb)) return null;
        // `npm install express` adds a package; only a bare install reads the project's package.json.
        if (install && !arguments.SubcommandArguments.IsEmpty) return null;
        var display = Launcher(npm) + " " + verb;
        return new DependencyStep(DependencyFamily.Node, DependencyStepKind.Install, npm.NameWord!, display,
            "package.json and package-lock.json", display, Reinstalls, Folder(arguments, "--prefix", "-C"));
    }

    private static DependencyStep? Yarn(EffectiveCommand yarn)
    {
        var arguments = yarn.ParseArguments(s_yarnOptionsWithValue);
        if (arguments.HasOption("--version", "-v", "--help", "-h")) return null;
        string display;
        if (arguments.Subcommand is null)
        {
            display = Launcher(yarn);
        }
        else if (arguments.Subcommand is { IsLiteral: true, Value: "install" })
        {
            display = Launcher(yarn) + " install";
        }
        else if (arguments.Subcommand is { IsLiteral: true, Value: "workspaces" } && arguments.SubcommandArguments is [{ Value: "focus" }, ..])
        {
            display = Launcher(yarn) + " workspaces focus";
        }
        else
        {
            return null;
        }
        return new DependencyStep(DependencyFamily.Node, DependencyStepKind.Install, yarn.NameWord!, display,
            "package.json and yarn.lock", display, Reinstalls, Folder(arguments, "--cwd"));
    }

    private static DependencyStep? Pnpm(EffectiveCommand pnpm)
    {
        var arguments = pnpm.ParseArguments(s_pnpmOptionsWithValue);
        var verb = arguments.Subcommand is { IsLiteral: true } subcommand ? subcommand.Value : "";
        if (!(verb is "install" or "i" && arguments.SubcommandArguments.IsEmpty) && verb != "fetch") return null;
        var display = Launcher(pnpm) + " " + verb;
        return new DependencyStep(DependencyFamily.Node, DependencyStepKind.Install, pnpm.NameWord!, display,
            verb == "fetch" ? "pnpm-lock.yaml" : "package.json and pnpm-lock.yaml", display, Reinstalls, Folder(arguments, "--dir", "-C"));
    }

    private static DependencyStep? Bun(EffectiveCommand bun)
    {
        var arguments = bun.ParseArguments(s_bunOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true, Value: "install" or "i" } subcommand || !arguments.SubcommandArguments.IsEmpty) return null;
        var display = Launcher(bun) + " " + subcommand.Value;
        return new DependencyStep(DependencyFamily.Node, DependencyStepKind.Install, bun.NameWord!, display,
            "package.json and bun.lock", display, Reinstalls, Folder(arguments, "--cwd"));
    }

    /// <summary><c>pip install -r requirements.txt</c>; an install of the project itself (<c>pip install .</c>) is not a dependency step.</summary>
    private static DependencyStep? Pip(EffectiveCommand command)
    {
        if (LanguageInstallers.FindPipInstall(command) is not { } pip) return null;
        ShellOption? first = null;
        var files = new List<string>();
        foreach (var option in pip.Arguments.FindOptions("-r", "--requirement", "--requirements"))
        {
            if (option.Value is not { Length: > 0 } value) continue;
            first ??= option;
            // The file as the build context holds it: a relative path as written, else (a container path) its name.
            files.Add(value.StartsWith('/') || (option.ValueWord ?? option.Word).HasExpansion ? LastSegment(value).ToString() : value);
        }
        if (first is null) return null;
        var path = first.Value!;
        var known = !(first.ValueWord ?? first.Word).HasExpansion;
        var slash = path.LastIndexOf('/');
        var folder = !known ? null : slash < 0 ? "." : slash == 0 ? "/" : path[..slash];
        var display = pip.Tool + " install -r " + path;
        return new DependencyStep(DependencyFamily.Python, DependencyStepKind.Install, command.NameWord!, display,
            string.Join(" and ", files), display, Reinstalls, folder, NamesManifestFile: slash >= 0, ManifestFile: known ? path[(slash + 1)..] : null);
    }

    private static DependencyStep? Poetry(EffectiveCommand poetry)
    {
        var arguments = poetry.ParseArguments(s_poetryOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true, Value: "install" or "sync" } subcommand) return null;
        // --only-root installs the project without its dependencies.
        if (arguments.HasOption("--only-root")) return null;
        var display = Launcher(poetry) + " " + subcommand.Value;
        var dependenciesOnly = arguments.HasOption("--no-root");
        return new DependencyStep(DependencyFamily.Python, dependenciesOnly ? DependencyStepKind.Install : DependencyStepKind.Project, poetry.NameWord!,
            display, "pyproject.toml and poetry.lock", dependenciesOnly ? display : display + " --no-root", Reinstalls,
            Folder(arguments, "--directory", "-C", "--project", "-P"));
    }

    private static DependencyStep? Pipenv(EffectiveCommand pipenv)
    {
        var arguments = pipenv.ParseArguments(s_pipenvOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true } subcommand) return null;
        var verb = subcommand.Value;
        if (!(verb == "sync" || (verb == "install" && arguments.SubcommandArguments.IsEmpty && !arguments.HasOption("-e", "--editable")))) return null;
        var display = Launcher(pipenv) + " " + verb;
        return new DependencyStep(DependencyFamily.Python, DependencyStepKind.Install, pipenv.NameWord!, display,
            "Pipfile and Pipfile.lock", display, Reinstalls, ".");
    }

    private static DependencyStep? Uv(EffectiveCommand uv)
    {
        var arguments = uv.ParseArguments(s_uvOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true, Value: "sync" }) return null;
        var display = Launcher(uv) + " sync";
        var dependenciesOnly = arguments.HasOption("--no-install-project", "--no-install-workspace");
        return new DependencyStep(DependencyFamily.Python, dependenciesOnly ? DependencyStepKind.Install : DependencyStepKind.Project, uv.NameWord!,
            display, "pyproject.toml and uv.lock", dependenciesOnly ? display : display + " --no-install-project", Reinstalls,
            Folder(arguments, "--directory", "--project"));
    }

    private static DependencyStep? Bundle(EffectiveCommand bundle)
    {
        var arguments = bundle.ParseArguments(s_bundleOptionsWithValue);
        if (arguments.HasOption("--version", "-v", "--help", "-h")) return null;
        if (arguments.Subcommand is not (null or { IsLiteral: true, Value: "install" })) return null;
        var display = arguments.Subcommand is null ? Launcher(bundle) : Launcher(bundle) + " install";
        var (folder, namesFile) = FileFolder(arguments.FindOption("--gemfile"));
        return new DependencyStep(DependencyFamily.Ruby, DependencyStepKind.Install, bundle.NameWord!, display,
            "Gemfile and Gemfile.lock", display, Reinstalls, folder, namesFile);
    }

    /// <summary>
    /// <c>go mod download</c> downloads the modules; <c>go build</c>, <c>install</c>, <c>test</c> and <c>run</c> need the
    /// sources but download missing modules on the way, unless they build from a vendor folder (<c>-mod=vendor</c>).
    /// <c>go install pkg@version</c> installs a tool.
    /// </summary>
    private static DependencyStep? Go(EffectiveCommand go, ShellCommand command, InstructionState? state)
    {
        var words = go.Words;
        if (words.Length < 2 || words[1] is not { IsLiteral: true } subcommand) return null;
        var verb = subcommand.Value;
        if (verb == "mod")
        {
            if (words.Length < 3 || words[2] is not { IsLiteral: true, Value: "download" }) return null;
            return new DependencyStep(DependencyFamily.Go, DependencyStepKind.Install, go.NameWord!, Launcher(go) + " mod download",
                "go.mod and go.sum", "go mod download", "downloads the modules again", ".");
        }
        if (!s_goBuilds.Contains(verb)) return null;
        string? folder = ".";
        var vendored = (state is null ? go.FindAssignment("GOFLAGS") : LanguageInstallers.EnvironmentValue("GOFLAGS", command, state))
            ?.Contains("-mod=vendor", StringComparison.Ordinal) == true;
        for (var i = 2; i < words.Length; i++)
        {
            var value = words[i].Value;
            if (value == "--") break;
            if (value.Length < 2 || value[0] != '-')
            {
                // A package with a version is a tool, built outside this module.
                if (verb is "install" or "run" && value.Contains('@', StringComparison.Ordinal)) return null;
                if (verb == "run") break;
                continue;
            }
            var flag = value.AsSpan(value[1] == '-' ? 2 : 1);
            var equals = flag.IndexOf('=');
            string? flagValue = null;
            ShellWord? valueWord = words[i];
            var name = equals < 0 ? flag.ToString() : flag[..equals].ToString();
            if (equals >= 0)
            {
                flagValue = flag[(equals + 1)..].ToString();
            }
            else if (s_goFlagsWithValue.Contains(name) && i + 1 < words.Length)
            {
                valueWord = words[++i];
                flagValue = valueWord.Value;
            }
            if (name == "mod" && flagValue == "vendor") vendored = true;
            if (name == "C" && flagValue is not null) folder = valueWord.HasExpansion ? null : flagValue;
        }
        if (vendored) return null;
        return new DependencyStep(DependencyFamily.Go, DependencyStepKind.Build, go.NameWord!, Launcher(go) + " " + verb,
            "go.mod and go.sum", "go mod download", "downloads the modules again", folder);
    }

    /// <summary>
    /// <c>mvn dependency:go-offline</c> (or another <c>dependency:</c> goal) downloads the dependencies; a lifecycle
    /// phase from <c>compile</c> on, or a plugin goal, builds and downloads what is missing. Offline runs download nothing.
    /// </summary>
    private static DependencyStep? Maven(EffectiveCommand maven)
    {
        var words = maven.Words;
        ShellWord? file = null, buildGoal = null, fetchGoal = null;
        for (var i = 1; i < words.Length; i++)
        {
            var value = words[i].Value;
            if (value.Length > 1 && value[0] == '-')
            {
                if (value is "-o" or "--offline" or "-v" or "--version" or "-h" or "--help") return null;
                if (s_mavenOptionsWithValue.Contains(value) && i + 1 < words.Length)
                {
                    if (value is "-f" or "--file") file = words[i + 1];
                    i++;
                }
                continue;
            }
            if (value.StartsWith("dependency:", StringComparison.Ordinal) || value.Contains("go-offline", StringComparison.Ordinal))
            {
                fetchGoal ??= words[i];
            }
            else if (buildGoal is null && (s_mavenBuildPhases.Contains(value) || value.Contains(':', StringComparison.Ordinal)))
            {
                buildGoal = words[i];
            }
        }
        var build = buildGoal is not null;
        if ((buildGoal ?? fetchGoal) is not { } goal) return null;
        var launcher = Launcher(maven);
        var manifests = maven.BaseName == "mvnw" ? "pom.xml, mvnw and .mvn/" : "pom.xml";
        string? folder = ".";
        var namesFile = false;
        if (file is not null)
        {
            if (file.HasExpansion)
            {
                folder = null;
            }
            else if (file.Value.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                var slash = file.Value.LastIndexOf('/');
                folder = slash < 0 ? "." : slash == 0 ? "/" : file.Value[..slash];
                namesFile = slash >= 0;
            }
            else
            {
                folder = file.Value;
            }
        }
        var display = launcher + " " + goal.Value;
        return new DependencyStep(DependencyFamily.Maven, build ? DependencyStepKind.Build : DependencyStepKind.Install, maven.NameWord!, display,
            manifests, launcher + " dependency:go-offline", Redownloads, folder, namesFile);
    }

    /// <summary>
    /// A Gradle run whose tasks all end in <c>dependencies</c> downloads them; any other task but the informational
    /// ones (<c>help</c>, <c>tasks</c>, <c>clean</c>...) builds and downloads what is missing. Offline runs download nothing.
    /// </summary>
    private static DependencyStep? Gradle(EffectiveCommand gradle)
    {
        var arguments = gradle.ParseArguments(s_gradleOptionsWithValue);
        if (arguments.HasOption("--offline", "--version", "-v", "--help", "-h", "-?", "--stop", "--status")) return null;
        ShellWord? buildTask = null, fetchTask = null;
        foreach (var task in arguments.Positionals)
        {
            if (!task.IsLiteral) continue;
            var name = task.Value.AsSpan(task.Value.LastIndexOf(':') + 1);
            if (s_gradleInfoTasks.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)) continue;
            if (!name.EndsWith("dependencies", StringComparison.OrdinalIgnoreCase))
            {
                buildTask = task;
                break;
            }
            fetchTask ??= task;
        }
        var deciding = buildTask ?? fetchTask;
        var build = buildTask is not null;
        if (deciding is null) return null;
        var launcher = Launcher(gradle);
        var manifests = gradle.BaseName == "gradlew"
            ? "gradlew, gradle/, build.gradle(.kts) and settings.gradle(.kts)"
            : "build.gradle(.kts) and settings.gradle(.kts)";
        var (folder, namesFile) = FileFolder(arguments.FindOption("-b", "--build-file"));
        if (arguments.FindOption("-p", "--project-dir") is { } projectDirectory) (folder, namesFile) = (OptionFolder(projectDirectory), false);
        return new DependencyStep(DependencyFamily.Gradle, build ? DependencyStepKind.Build : DependencyStepKind.Install, gradle.NameWord!,
            launcher + " " + deciding.Value, manifests, launcher + " dependencies", Redownloads, folder, namesFile);
    }

    /// <summary>
    /// <c>cargo fetch</c>, <c>cargo vendor</c> and cargo-chef's <c>cargo chef cook</c> work from the manifests; builds,
    /// tests and <c>cargo install --path</c> need the sources and fetch the crates on the way (not offline).
    /// </summary>
    private static DependencyStep? Cargo(EffectiveCommand cargo)
    {
        var words = cargo.Words;
        var start = words.Length > 1 && words[1].Value.StartsWith('+') ? 2 : 1;
        var arguments = ShellArgumentList.Parse(words[start..], s_cargoOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true } subcommand) return null;
        var verb = subcommand.Value;
        var launcher = Launcher(cargo);
        string display;
        DependencyStepKind kind;
        string? folder = ".";
        if (verb is "fetch" or "vendor")
        {
            (kind, display) = (DependencyStepKind.Install, launcher + " " + verb);
        }
        else if (verb == "chef" && arguments.SubcommandArguments is [{ Value: "cook" }, ..])
        {
            (kind, display) = (DependencyStepKind.Install, launcher + " chef cook");
        }
        else if (s_cargoBuilds.Contains(verb) || (verb == "install" && arguments.FindOption("--path") is not null))
        {
            // Offline and frozen builds download nothing: the crates are vendored or came from an earlier step.
            if (arguments.HasOption("--offline", "--frozen")) return null;
            (kind, display) = (DependencyStepKind.Build, launcher + " " + verb);
            if (verb == "install") folder = OptionFolder(arguments.FindOption("--path")!);
        }
        else
        {
            return null;
        }
        var namesFile = false;
        if (arguments.FindOption("--manifest-path") is { } manifestPath) (folder, namesFile) = FileFolder(manifestPath);
        return new DependencyStep(DependencyFamily.Rust, kind, cargo.NameWord!, display, "Cargo.toml and Cargo.lock",
            launcher + " fetch", kind == DependencyStepKind.Build ? "downloads the crates again" : Reinstalls, folder, namesFile);
    }

    private static DependencyStep? Composer(EffectiveCommand composer)
    {
        var arguments = composer.ParseArguments(s_composerOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true, Value: "install" or "i" } subcommand) return null;
        var display = Launcher(composer) + " " + subcommand.Value;
        return new DependencyStep(DependencyFamily.Php, DependencyStepKind.Install, composer.NameWord!, display,
            "composer.json and composer.lock", display, Reinstalls, Folder(arguments, "--working-dir", "-d"));
    }

    /// <summary>
    /// <c>dotnet restore</c> works from the project files; <c>build</c>, <c>publish</c>, <c>test</c>, <c>pack</c> and
    /// <c>run</c> restore on the way unless told <c>--no-restore</c>.
    /// </summary>
    private static DependencyStep? DotNet(EffectiveCommand dotnet)
    {
        var arguments = dotnet.ParseArguments(s_dotnetOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true } subcommand) return null;
        var verb = subcommand.Value;
        DependencyStepKind kind;
        if (verb == "restore") kind = DependencyStepKind.Install;
        else if (s_dotnetBuilds.Contains(verb) && !arguments.HasOption("--no-restore")) kind = DependencyStepKind.Build;
        else return null;
        ShellWord? project = null;
        if (verb == "run")
        {
            project = arguments.FindOption("--project")?.ValueWord;
        }
        else
        {
            foreach (var word in arguments.SubcommandArguments)
            {
                // --self-contained takes an optional true/false.
                if (word.Value is "true" or "false") continue;
                project = word;
                break;
            }
        }
        string? folder = ".";
        var namesFile = false;
        if (project is not null)
        {
            var path = project.Value;
            var slash = path.LastIndexOf('/');
            if (project.HasExpansion)
            {
                folder = null;
            }
            else if (LanguageInstallers.EndsWithAny(path, ".csproj", ".fsproj", ".vbproj", ".sln", ".slnx", ".proj", ".dll"))
            {
                folder = slash < 0 ? "." : slash == 0 ? "/" : path[..slash];
                namesFile = slash >= 0;
            }
            else
            {
                folder = path;
            }
        }
        return new DependencyStep(DependencyFamily.DotNet, kind, dotnet.NameWord!, Launcher(dotnet) + " " + verb,
            "the project files (*.csproj, *.sln, NuGet.config, Directory.Packages.props)", "dotnet restore",
            kind == DependencyStepKind.Build ? "restores the NuGet packages again" : "re-runs the restore", folder, namesFile);
    }

    /// <summary>The tool as messages name it: <c>./gradlew</c> as written, <c>npm</c> for <c>/usr/local/bin/npm</c>.</summary>
    private static string Launcher(EffectiveCommand command)
    {
        var name = command.Name;
        return name.Contains('/', StringComparison.Ordinal) && !name.StartsWith('/') ? name : command.BaseName;
    }

    /// <summary>The folder an option names (<c>--prefix frontend</c>), <c>.</c> without the option, null when a variable decides.</summary>
    private static string? Folder(ShellArgumentList arguments, params string[] names) =>
        arguments.FindOption(names) is { } option ? OptionFolder(option) : ".";

    private static string? OptionFolder(ShellOption option)
    {
        if (option.Value is not { Length: > 0 } value) return ".";
        return (option.ValueWord ?? option.Word).HasExpansion ? null : value;
    }

    /// <summary>The folder of a manifest file an option names (<c>--gemfile app/Gemfile</c>), and whether the path has a folder.</summary>
    private static (string? Folder, bool NamesFile) FileFolder(ShellOption? option)
    {
        if (option?.Value is not { Length: > 0 } value) return (".", false);
        if ((option.ValueWord ?? option.Word).HasExpansion) return (null, true);
        var slash = value.LastIndexOf('/');
        return (slash < 0 ? "." : slash == 0 ? "/" : value[..slash], slash >= 0);
    }
}
