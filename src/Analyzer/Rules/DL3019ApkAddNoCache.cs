using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// Without <c>--no-cache</c>, <c>apk add</c> leaves the package index it downloaded in /var/cache/apk, and the layer
/// keeps it. A cache or tmpfs mount on the cache folder, or an <c>rm</c> of it later in the same RUN, also keeps it
/// out of the image, and <c>--no-network</c> downloads nothing to keep.
/// </summary>
public sealed class DL3019ApkAddNoCache : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3019", "apk-add-no-cache", "apk add without --no-cache",
        "apk add without --no-cache leaves the package index in /var/cache/apk: use 'apk add --no-cache'",
        RuleCategories.Packages, DiagnosticSeverity.Info);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterRunAction(c =>
        {
            List<PackageManagerInvocation>? pending = null;
            foreach (var script in c.Scripts)
            {
                foreach (var command in script.Commands)
                {
                    if (pending is not null && PackageCaches.IsRemoval(command, PackageCaches.Apk))
                    {
                        pending.Clear();
                        continue;
                    }
                    if (PackageManagerInvocation.Parse(command, PackageManagerSyntax.Apk) is not { SubcommandName: "add" } apk) continue;
                    // --no-network downloads nothing, so there is no index to keep.
                    if (apk.HasOption("--no-cache", "--no-network")) continue;
                    (pending ??= []).Add(apk);
                }
            }
            if (pending is null || pending.Count == 0 || PackageCaches.IsMounted(c.Instruction, PackageCaches.Apk)) return;
            foreach (var apk in pending)
            {
                // A cache folder of one's own choosing is out of the layer only when it is mounted.
                if (apk.FindOptionValue("--cache-dir") is { } cacheDir && PackageCaches.IsMounted(c.Instruction, [cacheDir])) continue;
                c.Report(Rule, apk.Subcommand!.Span);
            }
        });
}
