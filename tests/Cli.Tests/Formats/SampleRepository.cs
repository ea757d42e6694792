using System.Text;

namespace Dflint.Cli.Tests.Formats;

/// <summary>
/// A repository root (it holds <c>.git</c>) with Dockerfiles on which several rules fire: one with a suppression, a
/// secret, non-ASCII text and a wide character; one in a subfolder with a space in its name and CRLF line ends; one
/// with a byte that is not UTF-8, a control character and XML's special characters in what the rules quote.
/// </summary>
internal sealed class SampleRepository : IDisposable
{
    public const string Secret = "ghp_0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>What a redacted form of <see cref="Secret"/> never shows.</summary>
    public const string SecretTail = "0123456789abcdefghij";

    public const string MainDockerfile =
        "FROM ubuntu\n" +
        "RUN apt-get update && apt-get install -y curl wget\n" +
        "# dflint ignore=DL3013\n" +
        "RUN pip install flask\n" +
        "ENV GITHUB_TOKEN=" + Secret + "\n" +
        "RUN echo \"h\u00e9llo w\u00f6rld \u65e5\u672c \U0001F600\" && sudo ls\n";

    public const string SubfolderPath = "services/web app/Dockerfile";

    public const string SubfolderDockerfile = "FROM node:latest\r\nRUN npm install express\r\n";

    public const string OddPath = "odd/bad.Dockerfile";

    private readonly TempFolder _folder = new();

    public SampleRepository()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".git"));
        _folder.Write("Dockerfile", MainDockerfile);
        _folder.Write(SubfolderPath, SubfolderDockerfile);
        var odd = new List<byte>(Encoding.UTF8.GetBytes("FROM debian:12\nRUN apt-get install -y caf"));
        odd.Add(0xE9);
        odd.AddRange(Encoding.UTF8.GetBytes(" cu\u0001rl \"x\U0001F600y\" 'a<b&c\"d'\n"));
        _folder.Write(OddPath, [.. odd]);
    }

    public string Path => _folder.Path;

    public void Dispose() => _folder.Dispose();
}
