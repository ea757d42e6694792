using System.Text;

namespace Dflint.Cli.Tests;

/// <summary><c>dflint syntax --roundtrip f | cmp - f</c> must hold for any bytes at all.</summary>
public sealed class RoundtripTests
{
    private static IEnumerable<TestCaseData> Files()
    {
        static TestCaseData Text(string name, string text) => new TestCaseData(Encoding.UTF8.GetBytes(text)).SetName("Roundtrip_" + name);
        static TestCaseData Bytes(string name, byte[] bytes) => new TestCaseData(bytes).SetName("Roundtrip_" + name);

        yield return Bytes("Empty", []);
        yield return Text("Crlf", "FROM alpine\r\nRUN echo a \\\r\n  && echo b\r\nCMD [\"sh\"]\r\n");
        yield return Bytes("Bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("FROM alpine\nRUN true\n")]);
        yield return Text("BareCr", "FROM alpine\rRUN echo a\r\rRUN b\r");
        yield return Bytes("InvalidUtf8", [.. Encoding.UTF8.GetBytes("FROM alpine\nRUN echo "), 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0xED, 0xA0, 0x80, (byte)'\n', 0xF0, 0x9F, (byte)'\n']);
        yield return Text("BacktickEscape", "# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  C:\\ `\n  /s\nCOPY a.txt C:\\a\\\n");
        yield return Text("Heredocs", "FROM alpine\nRUN <<EOF\necho hi\nEOF\nRUN <<-'EOT' bash\n\techo $HOME\n\tEOT\nCOPY <<a.txt <<b.txt /dst/\nA\na.txt\nB\nb.txt\nRUN <<EOF\nunterminated\n");
        yield return Text("NoTrailingNewline", "FROM alpine\nRUN echo");
        yield return Text("OnlyComments", "# syntax=docker/dockerfile:1\n# just a comment\n\n   \n");
        yield return Text("Everything", "ARG BASE=alpine\nFROM --platform=$BUILDPLATFORM ${BASE} AS build\nENV A=1 B=\"two words\"\nENV LEGACY value here\nLABEL x=y\nEXPOSE 80/tcp 443\nVOLUME [\"/data\"]\nUSER app:app\nWORKDIR /src\nSHELL [\"/bin/bash\", \"-c\"]\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\nONBUILD RUN echo hi\nSTOPSIGNAL SIGTERM\nMAINTAINER me\nENTRYPOINT [\"a\", \nNOPE whatever\n");
        yield return Bytes("NulAndControls", [.. Encoding.UTF8.GetBytes("FROM a\nRUN "), 0, 1, 2, 0x1B, (byte)'\t', 0x7F, (byte)'\n']);

        var random = new Random(20240601);
        foreach (var size in new[] { 1, 7, 64, 1000, 20000 })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            yield return Bytes($"RandomBinary{size}", bytes);
        }
        // Random bytes biased towards what the parser cares about, so lines, escapes and heredocs all occur.
        const string alphabet = "FROM RUN COPY <<EOF\n\r\\`\"'[],=-- \t#$\u00e9";
        var alphabetBytes = Encoding.UTF8.GetBytes(alphabet);
        for (var n = 0; n < 5; n++)
        {
            var bytes = new byte[2000];
            for (var i = 0; i < bytes.Length; i++) bytes[i] = random.Next(10) == 0 ? (byte)random.Next(256) : alphabetBytes[random.Next(alphabetBytes.Length)];
            yield return Bytes($"RandomDockerish{n}", bytes);
        }
    }

    [TestCaseSource(nameof(Files))]
    public void File_round_trips_byte_for_byte(byte[] bytes)
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", bytes);

        var run = DflintProcess.Run(folder.Path, "syntax", "--roundtrip", "Dockerfile");

        Assert.Multiple(() =>
        {
            Assert.That(run.Stderr, Is.Empty);
            Assert.That(run.ExitCode, Is.Zero);
            Assert.That(run.StdoutBytes, Is.EqualTo(bytes));
        });
    }

    [Test]
    public void Stdin_round_trips_byte_for_byte()
    {
        using var folder = new TempFolder();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("FROM a\r\nRUN x\r"), 0xFF, 0x00];

        var run = DflintProcess.Run(folder.Path, bytes, "syntax", "--roundtrip", "-");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.StdoutBytes, Is.EqualTo(bytes));
    }
}
