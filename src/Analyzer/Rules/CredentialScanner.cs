using System.Collections.Frozen;

namespace Dflint.Rules;

/// <summary>
/// A credential found in a text: the span to report, the span to redact (offsets in the scanned text), and
/// what it is, with its article (<c>a GitHub token</c>).
/// </summary>
internal readonly record struct SecretMatch(int ReportStart, int ReportEnd, int SecretStart, int SecretEnd, string Kind);

/// <summary>
/// Finds credentials in text in one forward pass, without backtracking: every character is visited a bounded
/// number of times whatever the input (<see cref="Steps"/> counts the visits, so tests can hold it to that).
/// <list type="bullet">
/// <item><see cref="ScanFormats"/>: credentials recognisable anywhere by their shape (token prefixes, private key
/// blocks, JSON web tokens, <c>user:password@</c> in URLs, <c>Authorization:</c> headers).</item>
/// <item><see cref="ScanConfigText"/>: lines of configuration files (<c>.npmrc</c>, <c>.pypirc</c>, <c>.netrc</c>,
/// env files, YAML, INI, JSON) whose key names a secret and whose value is a literal credential.</item>
/// </list>
/// </summary>
internal sealed class CredentialScanner
{
    /// <summary>How many base64 characters a private key block needs to count as one (real keys have hundreds).</summary>
    private const int MinKeyBodyCharacters = 32;

    /// <summary>The longest word matched against token shapes (GitHub's fine-grained tokens, the longest, have 93 characters).</summary>
    private const int MaxTokenLength = 256;

    /// <summary>How many <c>Name: value</c> lines may sit between a key header and its material.</summary>
    private const int MaxKeyHeaderLines = 4;

    /// <summary>The most characters read between a key header and its material, and the longest header line.</summary>
    private const int MaxKeyGap = 256;

    /// <summary>The longest label between <c>-----BEGIN </c> and <c>-----</c> (<c>ENCRYPTED PRIVATE KEY</c>...).</summary>
    private const int MaxKeyLabelLength = 64;

    /// <summary>The shortest credential after an <c>Authorization:</c> header and its scheme.</summary>
    private const int MinHeaderCredentialLength = 8;

    private static readonly FrozenSet<string> s_authorizationHeaders = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "authorization", "proxy-authorization");

    private static readonly FrozenSet<string> s_tokenHeaders = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "private-token", "job-token");

    /// <summary>Every character visit so far, over all calls.</summary>
    internal long Steps { get; private set; }

    /// <summary>True when <paramref name="text"/> holds a credential <see cref="ScanFormats"/> would report.</summary>
    public bool ContainsFormat(string text) => ScanFormats(text, null) > 0;

    /// <summary>
    /// Adds to <paramref name="matches"/> every credential of a known shape in <paramref name="text"/>, in order and
    /// without overlaps; returns how many were found (with a null list, stops at the first).
    /// </summary>
    public int ScanFormats(string text, List<SecretMatch>? matches)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = 0;
        var endMarkers = new EndMarkerCache(text);
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            Steps++;
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            // A word starts here (the character before it is not a word character): match it as a whole.
            var wordEnd = ScanWord(text, i);
            var next = wordEnd;
            if (MatchWord(text, i, wordEnd, ref endMarkers, ref next) is { } match)
            {
                found++;
                if (matches is null) return found;
                matches.Add(match);
            }
            i = Math.Max(next, i + 1);
        }
        return found;
    }

    /// <summary>Tries every shape that starts with the word <c>text[start..end)</c>; on a match, <paramref name="next"/> is past it.</summary>
    private SecretMatch? MatchWord(string text, int start, int end, ref EndMarkerCache endMarkers, ref int next)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length <= MaxTokenLength && TokenKind(word) is { } kind)
        {
            Steps += word.Length;
            return IsPlaceholder(word) ? null : new SecretMatch(start, end, start, end, kind);
        }
        if (word.StartsWith("eyJ", StringComparison.Ordinal)) return MatchJwt(text, start, end, ref next);
        if (word.SequenceEqual("-----BEGIN")) return MatchPrivateKey(text, start, end, ref endMarkers, ref next);
        if (end + 2 < text.Length && text[end] == ':' && text[end + 1] == '/' && text[end + 2] == '/' && char.IsAsciiLetter(word[0]) && word.IndexOf('_') < 0)
        {
            return MatchUrlCredentials(text, end + 3, ref next);
        }
        if (IsCredentialHeader(word, out var hasScheme)) return MatchHeader(text, end, hasScheme, ref next);
        return null;
    }

    /// <summary>
    /// The credential a literal <paramref name="value"/> assigned to <paramref name="name"/> is, or null: an AWS
    /// secret access key by name and shape, a password (any literal of <see cref="SecretValues.MinPasswordLength"/>
    /// characters or more under a password name), or a secret (a machine-made token under a token or key name).
    /// Placeholders, references (<c>$</c>), visibly public values and credentials <see cref="ScanFormats"/> reports
    /// on its own are not judged again.
    /// </summary>
    public string? JudgeAssignment(ReadOnlySpan<char> name, string value)
    {
        var trimmed = value.AsSpan().Trim();
        Steps += name.Length + value.Length;
        if (trimmed.IsEmpty || trimmed.IndexOf('$') >= 0 || IsPlaceholder(trimmed)) return null;
        if (SecretNames.IsAwsSecretAccessKeyName(name) && IsAwsSecretKeyShape(trimmed)) return "an AWS secret access key";
        var kind = SecretNames.Classify(name);
        if (kind == SecretNameKind.None || SecretValues.IsVisiblyPublic(name, trimmed, kind) || ContainsFormat(value)) return null;
        if (kind == SecretNameKind.Password) return trimmed.Length >= SecretValues.MinPasswordLength ? "a password" : null;
        return SecretValues.LooksLikeToken(trimmed) ? "a secret" : null;
    }

    /// <summary>
    /// True when <paramref name="value"/>, found where only a password can be (<c>docker login -p</c>, <c>curl -u
    /// user:PASSWORD</c>, <c>password</c> in <c>.netrc</c>), is a literal one worth reporting.
    /// </summary>
    public bool IsLiteralPassword(string value)
    {
        var trimmed = value.AsSpan().Trim();
        Steps += value.Length;
        return trimmed.Length >= SecretValues.MinPasswordLength && trimmed.IndexOf('$') < 0 && !IsPlaceholder(trimmed)
            && !SecretValues.IsPath(trimmed) && !ContainsFormat(value);
    }

    /// <summary>40 characters of base64, the shape of an AWS secret access key.</summary>
    internal static bool IsAwsSecretKeyShape(ReadOnlySpan<char> value)
    {
        if (value.Length != 40) return false;
        var digitOrSymbol = false;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '/')) return false;
            digitOrSymbol |= !char.IsAsciiLetter(c);
        }
        return digitOrSymbol;
    }

    /// <summary>
    /// Reads <paramref name="text"/> as the lines of a configuration file and adds every literal credential under a
    /// secret key: <c>KEY=value</c>, <c>export KEY=value</c>, <c>key = value</c>, <c>key: value</c>,
    /// <c>"key": "value"</c>; npm's <c>_authToken</c>, <c>_auth</c> and <c>_password</c> keys; in
    /// <paramref name="netrc"/> mode, the word after <c>password</c>. With <paramref name="escapedNewlines"/>, a
    /// backslash-n ends a line too (text for <c>echo -e</c> or <c>printf</c>). Offsets are relative to the text.
    /// </summary>
    public void ScanConfigText(string text, bool netrc, bool escapedNewlines, List<SecretMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matches);
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = lineStart;
            while (lineEnd < text.Length && text[lineEnd] != '\n' && !(escapedNewlines && text[lineEnd] == '\\' && lineEnd + 1 < text.Length && text[lineEnd + 1] == 'n'))
            {
                lineEnd++;
                Steps++;
            }
            // A .netrc line has no '=' or ':' after its first word, so reading it both ways finds nothing twice.
            if (netrc) ScanNetrcLine(text, lineStart, lineEnd, matches);
            ScanConfigLine(text, lineStart, lineEnd, matches);
            if (lineEnd >= text.Length) break;
            lineStart = lineEnd + (text[lineEnd] == '\n' ? 1 : 2);
        }
    }

    /// <summary>True when <paramref name="text"/> has a <c>machine</c> word, as .netrc files do.</summary>
    public bool LooksLikeNetrc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = 0;
        while (from < text.Length)
        {
            var at = text.AsSpan(from).IndexOf("machine", StringComparison.Ordinal);
            Steps += at < 0 ? text.Length - from : at + 7;
            if (at < 0) return false;
            at += from;
            var before = at == 0 || char.IsWhiteSpace(text[at - 1]);
            var after = at + 7 < text.Length && char.IsWhiteSpace(text[at + 7]);
            if (before && after) return true;
            from = at + 7;
        }
        return false;
    }

    private void ScanNetrcLine(string text, int start, int end, List<SecretMatch> matches)
    {
        var p = start;
        var previousWasPassword = false;
        while (p < end)
        {
            while (p < end && char.IsWhiteSpace(text[p]))
            {
                p++;
                Steps++;
            }
            var wordStart = p;
            while (p < end && !char.IsWhiteSpace(text[p]))
            {
                p++;
                Steps++;
            }
            if (wordStart == p) break;
            var word = text.AsSpan(wordStart, p - wordStart);
            if (previousWasPassword)
            {
                var (valueStart, valueEnd) = Unquote(text, wordStart, p);
                if (IsLiteralPassword(text[valueStart..valueEnd])) matches.Add(new SecretMatch(valueStart, valueEnd, valueStart, valueEnd, "a password in a .netrc file"));
            }
            previousWasPassword = word.SequenceEqual("password") || word.SequenceEqual("passwd");
        }
    }

    private void ScanConfigLine(string text, int start, int end, List<SecretMatch> matches)
    {
        var p = SkipWhitespace(text, start, end);
        if (p >= end || text[p] is '#' or ';') return;
        if (text.AsSpan(p, end - p).StartsWith("export ", StringComparison.Ordinal)) p = SkipWhitespace(text, p + 7, end);

        // The key runs to '=', to a ':' that ends it (YAML, JSON), or to a blank; npm keys have ':' inside them.
        var keyStart = p;
        while (p < end && text[p] != '=' && !char.IsWhiteSpace(text[p]) && !(text[p] == ':' && (p + 1 == end || text[p + 1] is ' ' or '\t' or '"' or '\'')))
        {
            p++;
            Steps++;
        }
        var (nameStart, nameEnd) = Unquote(text, keyStart, p);
        if (nameEnd == nameStart) return;
        p = SkipWhitespace(text, p, end);
        if (p >= end || text[p] is not ('=' or ':')) return;
        p = SkipWhitespace(text, p + 1, end);
        var valueEnd = end;
        while (valueEnd > p && (char.IsWhiteSpace(text[valueEnd - 1]) || text[valueEnd - 1] == ','))
        {
            valueEnd--;
            Steps++;
        }
        var (valueStart, unquotedEnd) = Unquote(text, p, valueEnd);
        if (unquotedEnd == valueStart) return;
        var name = text.AsSpan(nameStart, nameEnd - nameStart);
        var value = text[valueStart..unquotedEnd];
        string? kind;
        if (IsNpmAuthKey(name))
        {
            kind = IsLiteralPassword(value) ? "an npm registry credential" : null;
        }
        else
        {
            if (IsCredentialHeader(name, out _)) return;
            kind = JudgeAssignment(name, value);
        }
        if (kind is not null) matches.Add(new SecretMatch(valueStart, unquotedEnd, valueStart, unquotedEnd, kind));
    }

    /// <summary>The keys npm reads credentials from: <c>_authToken</c>, <c>_auth</c>, <c>_password</c> (maybe after <c>//registry/:</c>), and Yarn's <c>npmAuthToken</c>, <c>npmAuthIdent</c>.</summary>
    internal static bool IsNpmAuthKey(ReadOnlySpan<char> key)
    {
        if (key.Equals("npmAuthToken", StringComparison.OrdinalIgnoreCase) || key.Equals("npmAuthIdent", StringComparison.OrdinalIgnoreCase)) return true;
        if (key.StartsWith("//", StringComparison.Ordinal))
        {
            var colon = key.LastIndexOf(':');
            if (colon < 0) return false;
            key = key[(colon + 1)..];
        }
        return key.Equals("_authToken", StringComparison.OrdinalIgnoreCase) || key.Equals("_auth", StringComparison.OrdinalIgnoreCase)
            || key.Equals("_password", StringComparison.OrdinalIgnoreCase);
    }

    private int SkipWhitespace(string text, int start, int end)
    {
        var p = start;
        while (p < end && char.IsWhiteSpace(text[p]))
        {
            p++;
            Steps++;
        }
        return p;
    }

    /// <summary>The range inside one pair of matching quotes around <c>text[start..end)</c>, or the range itself.</summary>
    private static (int Start, int End) Unquote(string text, int start, int end) =>
        end - start >= 2 && text[start] is '"' or '\'' && text[end - 1] == text[start] ? (start + 1, end - 1) : (start, end);

    /// <summary>What a whole word is when its prefix, length and alphabet are those of a known token.</summary>
    internal static string? TokenKind(ReadOnlySpan<char> w)
    {
        if (w.Length == 20 && (w.StartsWith("AKIA", StringComparison.Ordinal) || w.StartsWith("ASIA", StringComparison.Ordinal)) && All(w[4..], CharClass.UpperOrDigit))
        {
            return "an AWS access key ID";
        }
        if (w.Length >= 34 && w[0] == 'g' && w[1] == 'h' && w[2] is 'p' or 'o' or 'u' or 's' or 'r' && w[3] == '_' && All(w[4..], CharClass.Alphanumeric))
        {
            return "a GitHub token";
        }
        if (w.Length >= 51 && w.StartsWith("github_pat_", StringComparison.Ordinal) && All(w[11..], CharClass.AlphanumericUnderscore)) return "a GitHub fine-grained token";
        if (w.Length >= 26 && w.StartsWith("glpat-", StringComparison.Ordinal) && All(w[6..], CharClass.Word)) return "a GitLab token";
        if (w.Length >= 15 && w.StartsWith("xox", StringComparison.Ordinal) && w[3] is 'b' or 'a' or 'p' or 'r' or 's' && w[4] == '-' && All(w[5..], CharClass.AlphanumericDash))
        {
            return "a Slack token";
        }
        if (w.Length >= 24 && (w.StartsWith("sk_live_", StringComparison.Ordinal) || w.StartsWith("rk_live_", StringComparison.Ordinal)) && All(w[8..], CharClass.Alphanumeric))
        {
            return "a Stripe live key";
        }
        if (w.Length >= 40 && w.StartsWith("npm_", StringComparison.Ordinal) && All(w[4..], CharClass.Alphanumeric)) return "an npm token";
        if (w.Length == 39 && w.StartsWith("AIza", StringComparison.Ordinal) && All(w[4..], CharClass.Word)) return "a Google API key";
        return null;
    }

    /// <summary><c>eyJ...</c> header, <c>.eyJ...</c> payload, <c>.signature</c>: each part base64url, the signature not empty.</summary>
    private SecretMatch? MatchJwt(string text, int start, int end, ref int next)
    {
        const int minPart = 10;
        if (end - start < minPart || end >= text.Length || text[end] != '.') return null;
        var payloadStart = end + 1;
        var payloadEnd = ScanWord(text, payloadStart);
        if (payloadEnd - payloadStart < minPart || !text.AsSpan(payloadStart).StartsWith("eyJ", StringComparison.Ordinal)) return null;
        if (payloadEnd >= text.Length || text[payloadEnd] != '.') return null;
        var signatureStart = payloadEnd + 1;
        var signatureEnd = ScanWord(text, signatureStart);
        if (signatureEnd - signatureStart < minPart) return null;
        next = signatureEnd;
        return new SecretMatch(start, signatureEnd, start, signatureEnd, "a JSON web token");
    }

    /// <summary>
    /// <c>-----BEGIN ... PRIVATE KEY-----</c> (or <c>PRIVATE KEY BLOCK</c>) followed by key material: the header is
    /// reported, everything from the material up to <c>-----END</c> (or the end of the text) is the secret. The
    /// material must follow the header at once: a line break (maybe escaped, as in <c>echo "...\n..."</c>), at most
    /// a few <c>Name: value</c> header lines, then a run of <see cref="MinKeyBodyCharacters"/> base64 characters. A
    /// header quoted on its own (a grep pattern, a message) has none. Every step before the <c>-----END</c> search
    /// is capped, so a text full of headers costs a constant per header.
    /// </summary>
    private SecretMatch? MatchPrivateKey(string text, int start, int end, ref EndMarkerCache endMarkers, ref int next)
    {
        var p = end;
        if (p >= text.Length || text[p] != ' ') return null;
        var labelStart = ++p;
        while (p < text.Length && p - labelStart <= MaxKeyLabelLength && (char.IsAsciiLetterUpper(text[p]) || char.IsAsciiDigit(text[p]) || text[p] == ' '))
        {
            p++;
            Steps++;
        }
        if (!text.AsSpan(p).StartsWith("-----", StringComparison.Ordinal)) return null;
        var label = text.AsSpan(labelStart, p - labelStart).TrimEnd(' ');
        if (!label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) && !label.EndsWith("PRIVATE KEY BLOCK", StringComparison.Ordinal)) return null;
        var headerEnd = p + 5;

        p = SkipLineBreaks(text, headerEnd);
        if (p == headerEnd) return null;
        for (var headerLines = 0; headerLines < MaxKeyHeaderLines && IsKeyHeaderLine(text, p, out var lineEnd); headerLines++) p = SkipLineBreaks(text, lineEnd);
        var materialStart = p;
        while (p < text.Length && p - materialStart < MinKeyBodyCharacters && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '+' or '/'))
        {
            p++;
            Steps++;
        }
        if (p - materialStart < MinKeyBodyCharacters) return null;

        var bodyEnd = endMarkers.NextAfter(p, out var searched);
        Steps += searched;
        next = bodyEnd;
        return new SecretMatch(start, headerEnd, materialStart, bodyEnd, "a private key");
    }

    /// <summary>Past line breaks, blanks, quotes and escaped <c>\n</c> after a key header (at most <see cref="MaxKeyGap"/> characters).</summary>
    private int SkipLineBreaks(string text, int start)
    {
        var p = start;
        var broken = false;
        while (p < text.Length && p - start < MaxKeyGap)
        {
            var c = text[p];
            if (c is '\n' or '\r')
            {
                broken = true;
                p++;
            }
            else if (c == '\\' && p + 1 < text.Length && text[p + 1] is 'n' or 'r' or '\n')
            {
                broken = true;
                p += 2;
            }
            else if (c is ' ' or '\t' or '"' or '\'')
            {
                p++;
            }
            else
            {
                break;
            }
            Steps++;
        }
        return broken ? p : start;
    }

    /// <summary>An RFC 1421 header line inside a key block (<c>Proc-Type: 4,ENCRYPTED</c>, <c>Comment: ...</c>).</summary>
    private bool IsKeyHeaderLine(string text, int start, out int lineEnd)
    {
        lineEnd = start;
        var colon = false;
        while (lineEnd < text.Length && lineEnd - start < MaxKeyGap && text[lineEnd] is not ('\n' or '\r' or '\\'))
        {
            colon |= text[lineEnd] == ':';
            lineEnd++;
            Steps++;
        }
        return colon && lineEnd > start;
    }

    /// <summary>The userinfo after <c>scheme://</c>: a literal password before <c>@</c>.</summary>
    private SecretMatch? MatchUrlCredentials(string text, int userinfoStart, ref int next)
    {
        var p = userinfoStart;
        var colon = -1;
        while (p < text.Length && IsUserinfoChar(text[p]))
        {
            if (text[p] == ':' && colon < 0) colon = p;
            p++;
            Steps++;
        }
        if (p >= text.Length || text[p] != '@' || colon < 0 || colon + 1 == p) return null;
        var password = text.AsSpan(colon + 1, p - colon - 1);
        if (password.IndexOf('$') >= 0 || IsPlaceholder(password)) return null;
        next = p;
        return new SecretMatch(colon + 1, p, colon + 1, p, TokenKind(password) ?? "a password in a URL");
    }

    /// <summary>
    /// <c>Authorization: Bearer CREDENTIAL</c> (any scheme, or none) and <c>X-Api-Key: CREDENTIAL</c>-style headers,
    /// with a literal credential of at least <see cref="MinHeaderCredentialLength"/> characters.
    /// </summary>
    private SecretMatch? MatchHeader(string text, int nameEnd, bool hasScheme, ref int next)
    {
        var p = SkipBlanks(text, nameEnd);
        if (p >= text.Length || text[p] != ':') return null;
        p = SkipBlanks(text, p + 1);
        var valueStart = p;
        var valueEnd = ScanHeaderValue(text, valueStart);
        if (hasScheme && valueEnd < text.Length && text[valueEnd] is ' ' or '\t' && IsSchemeWord(text.AsSpan(valueStart, valueEnd - valueStart)))
        {
            valueStart = SkipBlanks(text, valueEnd);
            valueEnd = ScanHeaderValue(text, valueStart);
        }
        var credential = text.AsSpan(valueStart, valueEnd - valueStart);
        if (credential.Length < MinHeaderCredentialLength || credential.IndexOf('$') >= 0 || IsPlaceholder(credential)) return null;
        next = valueEnd;
        return new SecretMatch(valueStart, valueEnd, valueStart, valueEnd, TokenKind(credential) ?? (IsJwt(credential) ? "a JSON web token" : "a credential in an HTTP header"));
    }

    /// <summary>Three dot-separated base64url parts, the first two starting with <c>eyJ</c> (<c>{"</c> encoded).</summary>
    private static bool IsJwt(ReadOnlySpan<char> value)
    {
        var first = value.IndexOf('.');
        if (first < 0 || !value.StartsWith("eyJ", StringComparison.Ordinal)) return false;
        var rest = value[(first + 1)..];
        var second = rest.IndexOf('.');
        return second > 0 && rest.StartsWith("eyJ", StringComparison.Ordinal) && second + 1 < rest.Length && All(rest[(second + 1)..], CharClass.Word);
    }

    /// <summary><see cref="SecretValues.IsPlaceholder"/>, counted: it reads the value once per placeholder fragment.</summary>
    private bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        Steps += value.Length;
        return SecretValues.IsPlaceholder(value);
    }

    private static bool IsSchemeWord(ReadOnlySpan<char> word) => !word.IsEmpty && All(word, CharClass.Letter);

    private static bool IsCredentialHeader(ReadOnlySpan<char> word, out bool hasScheme)
    {
        hasScheme = s_authorizationHeaders.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
        if (hasScheme || s_tokenHeaders.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
        return word.StartsWith("x-", StringComparison.OrdinalIgnoreCase) && SecretNames.Classify(word) == SecretNameKind.Token;
    }

    private int ScanHeaderValue(string text, int start)
    {
        var p = start;
        while (p < text.Length && text[p] is > ' ' and not ('"' or '\'' or '\\' or '`'))
        {
            p++;
            Steps++;
        }
        return p;
    }

    private int SkipBlanks(string text, int start)
    {
        var p = start;
        while (p < text.Length && text[p] is ' ' or '\t')
        {
            p++;
            Steps++;
        }
        return p;
    }

    private int ScanWord(string text, int start)
    {
        var p = start;
        while (p < text.Length && IsWordChar(text[p]))
        {
            p++;
            Steps++;
        }
        return p;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>RFC 3986 userinfo characters, plus <c>{</c> and <c>}</c> so that <c>${PASSWORD}</c> is seen (and skipped).</summary>
    private static bool IsUserinfoChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '*' or '+' or ',' or ';' or '=' or ':' or '%' or '{' or '}';

    private enum CharClass
    {
        Letter,
        UpperOrDigit,
        Alphanumeric,
        AlphanumericUnderscore,
        AlphanumericDash,
        Word,
    }

    private static bool All(ReadOnlySpan<char> chars, CharClass charClass)
    {
        foreach (var c in chars)
        {
            var ok = charClass switch
            {
                CharClass.Letter => char.IsAsciiLetter(c),
                CharClass.UpperOrDigit => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c),
                CharClass.Alphanumeric => char.IsAsciiLetterOrDigit(c),
                CharClass.AlphanumericUnderscore => char.IsAsciiLetterOrDigit(c) || c == '_',
                CharClass.AlphanumericDash => char.IsAsciiLetterOrDigit(c) || c == '-',
                _ => IsWordChar(c),
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>
    /// Finds <c>-----END</c> markers for successive private key headers. Headers come in increasing order, so a
    /// search result is reused while it lies ahead, and a new search starts where the last one ended: together the
    /// searches read the text once.
    /// </summary>
    private struct EndMarkerCache(string text)
    {
        private readonly string _text = text;
        private int _searchedFrom = -1;
        private int _found = -1;

        /// <summary>The start of the first <c>-----END</c> at or after <paramref name="position"/>, or the text's length.</summary>
        public int NextAfter(int position, out int searched)
        {
            searched = 0;
            var cached = _searchedFrom >= 0 && _searchedFrom <= position && (_found < 0 || _found >= position);
            if (!cached)
            {
                _searchedFrom = position;
                var relative = _text.AsSpan(position).IndexOf("-----END", StringComparison.Ordinal);
                _found = relative < 0 ? -1 : position + relative;
                searched = (_found < 0 ? _text.Length : _found) - position;
            }
            return _found < 0 ? _text.Length : _found;
        }
    }
}
