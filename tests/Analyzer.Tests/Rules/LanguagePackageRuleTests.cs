using Dflint.Analysis;
using Dflint.Rules;
using Dflint.Syntax;

namespace Dflint.Tests.Rules;

/// <summary>
/// One-line cases for the pip, npm, gem and go rules: each lists the words the rule reports in a RUN, joined
/// with '|' (empty when none). The fixtures show whole Dockerfiles; these pin down the corners.
/// </summary>
public sealed class LanguagePackageRuleTests
{
    private static string Reported(RuleDescriptor rule, string dockerfile)
    {
        var tree = DockerfileSyntaxTree.Parse(dockerfile, "Dockerfile");
        var selection = RuleSelection.Create(RuleRegistry.Default, new SelectionSettings { Select = [rule.Code] });
        var result = DockerfileLinter.Lint(tree, new LintSettings { Selection = selection, RethrowAnalyzerExceptions = true });
        return string.Join("|", result.Diagnostics.Where(d => d.Rule == rule).Select(d => tree.Text.ToString(d.Span)));
    }

    private static string Run(RuleDescriptor rule, string command) => Reported(rule, "FROM base:1\nRUN " + command + "\n");

    [TestCase("pip install flask", "flask")]
    [TestCase("pip install 'flask>=3' 'flask>3,!=3.1'", "'flask>=3'|'flask>3,!=3.1'")]
    [TestCase("pip install 'flask<4' 'flask<=4' 'flask~=3.0' 'flask==3.*' 'flask===3.0.3' 'flask (==3.0.3)'", "")]
    [TestCase("pip install 'flask[async]' 'Flask_Login.ext'", "'flask[async]'|'Flask_Login.ext'")]
    [TestCase("pip install \"flask==3.0.3; python_version<'3.13'\" \"tomli; python_version<'3.11'\"", "\"tomli; python_version<'3.11'\"")]
    [TestCase("pip install pkg@https://example.com/pkg-1.0.zip 'pkg @ file:///src/pkg'", "")]
    [TestCase("pip install hg+https://hg.example.com/repo#egg=x svn+https://svn.example.com/repo@1234", "hg+https://hg.example.com/repo#egg=x")]
    [TestCase("pip install git+https://github.com/o/r.git@release/1.0 'x @ git+https://github.com/o/x'", "'x @ git+https://github.com/o/x'")]
    [TestCase("pip install --editable=git+https://github.com/o/r#egg=r -e ./local", "git+https://github.com/o/r#egg=r")]
    [TestCase("pip install -rrequirements.txt -i https://example.com/simple --trusted-host example.com -t /opt/lib flask==3.0.3", "")]
    [TestCase("pip install -- flask", "flask")]
    [TestCase("pip install --no-index -f https://example.com/wheels flask", "flask")]
    [TestCase("PIP_CONSTRAINT=/c.txt pip install flask", "")]
    [TestCase("uv pip install --system -r requirements.txt --override overrides.txt flask", "")]
    [TestCase("uv --no-cache pip install -p 3.12 flask", "flask")]
    [TestCase("python3.12 -W ignore -X dev -m pip install flask", "flask")]
    [TestCase("python -mpip install flask", "flask")]
    [TestCase("python -c 'import pip' install flask && python script.py -m pip install flask", "")]
    [TestCase("pipx install black && pipenv install flask && pip download flask", "")]
    [TestCase("xargs -n 1 pip install < packages.txt && cat list | xargs -I{} pip install {} flask", "flask")]
    [TestCase("timeout 300 nice -n 10 env -i PATH=/usr/bin pip install flask && env -S 'pip install x' && command -v pip", "flask")]
    [TestCase("sudo -u app -- pip install --user flask && gosu app pip install rich", "flask|rich")]
    public void Pip_pins(string command, string expected) => Assert.That(Run(DL3013PipPinVersions.Rule, command), Is.EqualTo(expected));

    [TestCase("pip install flask==1", "install")]
    [TestCase("pip install --no-cache-dir flask==1 && pip install --no-cache-d x==1", "")]
    [TestCase("pip install --no-color x==1", "install")]
    [TestCase("PIP_NO_CACHE_DIR=off pip install x==1 && PIP_NO_CACHE_DIR= pip install x==1", "install")]
    [TestCase("export PIP_NO_CACHE_DIR=0; pip install x==1", "")]
    [TestCase("pip install x==1; export PIP_NO_CACHE_DIR=1", "install")]
    [TestCase("--mount=type=bind,target=/root/.cache/pip pip install x==1", "install")]
    [TestCase("--mount=type=tmpfs,target=/root/.cache/pip pip install x==1", "")]
    [TestCase("--mount=type=cache,dst=/home/app/.cache/pip/ pip install x==1", "")]
    [TestCase("--mount=type=cache,target=/cache pip install --cache-dir /cache/pip x==1", "")]
    [TestCase("--mount=type=cache,target=/cache/other pip install --cache-dir /cache/pip x==1", "install")]
    [TestCase("PIP_CACHE_DIR=/pc pip install x==1", "install")]
    public void Pip_cache(string command, string expected) => Assert.That(Run(DL3042PipNoCacheDir.Rule, command), Is.EqualTo(expected));

    [Test]
    public void Pip_cache_follows_env_and_arg_of_the_stage()
    {
        const string dockerfile = """
            FROM python:3.12 AS a
            ARG PIP_NO_CACHE_DIR=1
            RUN pip install x==1
            FROM a AS b
            RUN pip install y==1
            FROM python:3.12 AS c
            ENV PIP_NO_CACHE_DIR=yes
            FROM c
            RUN pip install z==1
            """;
        // ARG is not inherited by a stage built on this one; ENV is.
        Assert.That(Reported(DL3042PipNoCacheDir.Rule, dockerfile), Is.EqualTo("install"));
    }

    [TestCase("npm install express", "express")]
    [TestCase("npm install express@4.19.2 express@4 express@4.x 'express@~4' 'express@^4' 'express@<5' 'express@4 - 5' 'express@=4.19.2' express@v4.19.2", "")]
    [TestCase("npm install 'express@>4' 'express@4 || >=5' 'express@x' 'express@>= 4 <5' 'express@latest' express@beta", "'express@>4'|'express@4 || >=5'|'express@x'|'express@latest'|express@beta")]
    [TestCase("npm install @scope/pkg @scope/pkg@1.0.0 @scope/pkg@next", "@scope/pkg|@scope/pkg@next")]
    [TestCase("npm install alias@npm:real@1.0.0 alias2@npm:real", "alias2@npm:real")]
    [TestCase("npm install git+ssh://git@github.com:npm/cli.git#v10.8.1 git://github.com/npm/cli.git pkg@git+https://github.com/o/r", "git://github.com/npm/cli.git|pkg@git+https://github.com/o/r")]
    [TestCase("npm install --save-dev --cache /tmp/c --omit dev -g typescript", "typescript")]
    [TestCase("npm -g --loglevel warn i typescript && npm install --global=true tsx", "typescript|tsx")]
    [TestCase("npm ci && npm install && npm install -g && npm uninstall express && npm exec -- express", "")]
    [TestCase("npm install ./ ../x /x ~/x file:x x.tgz x.tar.gz https://example.com/x.tgz", "")]
    public void Npm_pins(string command, string expected) => Assert.That(Run(DL3016NpmPinVersions.Rule, command), Is.EqualTo(expected));

    [TestCase("gem install rails", "rails")]
    [TestCase("gem install rails:7.1.3 'rails:~> 7.1' 'rails:= 7' 'rails:< 8' 'rails:>= 7, < 8'", "")]
    [TestCase("gem install 'rails:>= 7' 'rails:!= 7.0' 'rails:>7,>= 7.1'", "'rails:>= 7'|'rails:!= 7.0'|'rails:>7,>= 7.1'")]
    [TestCase("gem install rails --version '~> 7.1' && gem install rails -v '>= 7' -v '< 8'", "")]
    [TestCase("gem install -i /gems -n /usr/local/bin --source https://rubygems.org rails", "rails")]
    [TestCase("gem install --file Gemfile.lock && gem fetch rails && gem list rails", "")]
    [TestCase("gem install x.gem vendor/y.gem X-1.0.GEM", "")]
    public void Gem_pins(string command, string expected) => Assert.That(Run(DL3028GemPinVersions.Rule, command), Is.EqualTo(expected));

    [TestCase("go install example.com/cmd/tool@v1.2.3 example.com/cmd/tool@v1.2.3-rc.1+meta example.com/x@abcdef0", "")]
    [TestCase("go install example.com/x@v1 example.com/x@v1.2 example.com/x@main example.com/x@1.2.3 example.com/x@", "example.com/x@v1|example.com/x@v1.2|example.com/x@main|example.com/x@1.2.3|example.com/x@")]
    [TestCase("go install -C /src -p 4 --ldflags '-s -w' -trimpath example.com/x@latest", "example.com/x@latest")]
    [TestCase("go install -- example.com/x", "example.com/x")]
    [TestCase("go install ./... . ../x /src/x cmd/tool std all", "")]
    [TestCase("go build example.com/x@latest && go get example.com/x && go run example.com/x@latest", "")]
    [TestCase("go install \"$TOOL\" example.com/x@${VERSION}", "")]
    public void Go_versions(string command, string expected) => Assert.That(Run(DF0203GoInstallWithoutVersion.Rule, command), Is.EqualTo(expected));

    [TestCase("COPY go.* ./\n", "")]
    [TestCase("COPY src/ /src/\n", "")]
    [TestCase("COPY main.go ./\n", "example.com/x")]
    [TestCase("", "example.com/x")]
    public void Go_without_version_inside_a_module(string copy, string expected) =>
        Assert.That(Reported(DF0203GoInstallWithoutVersion.Rule, "FROM golang:1.22\n" + copy + "RUN go install example.com/x\n"), Is.EqualTo(expected));
}
