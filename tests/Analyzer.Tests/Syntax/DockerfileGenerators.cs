using FsCheck;
using FsCheck.Fluent;

namespace Dflint.Tests.Syntax;

/// <summary>Random text that looks enough like a Dockerfile to reach every corner of the parser.</summary>
internal static class DockerfileGenerators
{
    private static readonly string[] s_fragments =
    [
        "FROM", "from", "RUN", "Run", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME", "ENV", "LABEL", "ARG", "EXPOSE",
        "WORKDIR", "USER", "STOPSIGNAL", "MAINTAINER", "HEALTHCHECK", "ONBUILD", "FOO", "NONE", "AS", "as",
        " ", " ", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "\r", "\\", "\\\n", "\\ \n", "`", "`\n", "\\\\",
        "#", "# comment", "# escape=`", "# syntax=docker/dockerfile:1", "# check=skip=all", "#escape=\\",
        "--mount=type=cache,target=/x", "--from=build", "--link", "--chown=\"a b\"", "--", "--platform=$P",
        "[", "]", "\"", "'", ",", "[\"a\", \"b\"]", "[\"sh\", \"-c\"]", "[1]", "[\"x\" \"y\"]", "=", "a=b", "A=\"x y\"",
        "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"", "3<<EOF", "EOF", "\tEOF", "EOF\n", "<<EOT", "EOT",
        "apt-get", "install", "-y", "curl", "&&", "|", ";", "$VAR", "${VAR:-x}", "ubuntu:22.04", "/app", ".", "./",
        "CMD", "user:group", "80/tcp", "x", "y", "\u00e9", "\u00a0", "\uFEFF",
    ];

    private static readonly string[] s_lines =
    [
        "FROM alpine:3.19 AS build\n", "RUN apt-get update && \\\n    apt-get install -y curl\n", "RUN <<EOF\necho hi\nEOF\n",
        "COPY --from=build /a /b\n", "ENV A=1 B=\"two words\"\n", "ENV LEGACY value with spaces\n", "CMD [\"a\", \"b\"]\n",
        "# comment\n", "\n", "  \n", "RUN a \\\n# inner\n\n  b\n", "ONBUILD RUN <<EOF\nx\nEOF\n", "HEALTHCHECK --interval=5s CMD curl -f x\n",
        "ARG A B=2\n", "USER app:app\n", "WORKDIR /src\n", "COPY <<EOF /x\ncontent\nEOF\n", "RUN <<-EOT cat\n\tindented\n\tEOT\n",
    ];

    /// <summary>ASCII-leaning Dockerfile-like text built from instruction lines and loose fragments.</summary>
    public static Gen<string> DockerfileText { get; } =
        Gen.OneOf(
            Gen.Elements(s_fragments),
            Gen.Elements(s_lines),
            Gen.Elements(s_lines),
            Gen.Elements(s_lines))
        .ListOf()
        .Select(parts => string.Concat(parts));

    /// <summary>Any characters at all, including surrogates and control characters.</summary>
    public static Gen<string> AnyText { get; } =
        Gen.Choose(0, 0xFFFF).Select(c => (char)c).ListOf().Select(chars => new string([.. chars]));

    /// <summary>A text and a list of edits (position fraction, delete length, inserted fragment) to apply one by one.</summary>
    public static Gen<(string Text, (double At, int Delete, string Insert)[] Edits)> TextWithEdits { get; } =
        from text in DockerfileText
        from edits in (from at in Gen.Choose(0, 1000).Select(i => i / 1000.0)
                       from delete in Gen.Choose(0, 6)
                       from insert in Gen.OneOf(Gen.Elements(s_fragments), Gen.Constant(""), Gen.Elements(s_lines))
                       select (at, delete, insert)).ArrayOf()
        select (text, edits);
}
